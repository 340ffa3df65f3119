using System.Text;
using Renci.SshNet;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>An interactive CLI over SSH.NET: a pty, a shell, and commands run prompt to prompt.</summary>
internal sealed class SshShell : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly SshClient _client;

    private SshShell(SshClient client, ShellStream stream)
    {
        _client = client;
        Stream = stream;
    }

    public ShellStream Stream { get; }

    /// <summary>What came before the first prompt: the login banner.</summary>
    public string Banner { get; private set; } = string.Empty;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects, logs in as admin and waits for the first prompt.</summary>
    public static SshShell Open(int port, uint columns = 80, uint rows = 24)
    {
        var client = new SshClient(new ConnectionInfo("127.0.0.1", port, "admin", new PasswordAuthenticationMethod("admin", "admin")) { Timeout = TimeSpan.FromSeconds(10) });
        try
        {
            client.Connect();
            var stream = client.CreateShellStream("xterm", columns, rows, 0, 0, 64 * 1024);
            var shell = new SshShell(client, stream);
            shell.Banner = shell.ReadToPrompt(FirewallUnderTest.Prompt);
            return shell;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Types a line and returns everything up to the next prompt (echo included); fails on timeout.</summary>
    public string Run(string command, string prompt = FirewallUnderTest.Prompt)
    {
        Stream.Write(command + "\r");
        Stream.Flush();
        return ReadToPrompt(prompt);
    }

    /// <summary>Sends bytes as they are, with no Enter.</summary>
    public void Send(byte[] bytes)
    {
        Stream.Write(bytes, 0, bytes.Length);
        Stream.Flush();
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads to a prompt at the start of a line (a repaint of the line being typed starts with CR, not LF).</summary>
    public string ReadToPrompt(string prompt)
    {
        var text = Stream.Expect("\n" + prompt, Wait);
        Assert.That(text, Is.Not.Null, $"no prompt `{prompt}` within {Wait.TotalSeconds} s");
        return text!;
    }

    public void Dispose()
    {
        Stream.Dispose();
        _client.Dispose();
    }
}
