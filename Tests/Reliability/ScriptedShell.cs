using System.Text;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Tests.Ssh.Hostile;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// A shell over <see cref="ScriptedSshClient"/>, whose channel requests and bytes the test chooses
/// freely (any pty size, any bytes as input); it pages through `--more--` with Space.
/// </summary>
internal sealed class ScriptedShell : IDisposable
{
    private const int MaxPages = 10_000;

    private readonly ScriptedSshClient _client;
    private readonly uint _channel;

    private ScriptedShell(ScriptedSshClient client, uint channel)
    {
        _client = client;
        _channel = channel;
    }

    /// <summary>Logs in, asks for a pty of the given size and a shell, and reads to the first prompt.</summary>
    public static async Task<ScriptedShell> OpenAsync(int port, (uint Columns, uint Rows, uint Width, uint Height) size, CancellationToken cancellation)
    {
        var client = await ScriptedSshClient.ConnectAsync(port, cancellation);
        try
        {
            await client.LogInAsync(cancellation);
            var channel = await client.OpenSessionAsync(0, uint.MaxValue, 32 * 1024, cancellation);
            var shell = new ScriptedShell(client, channel);
            await shell.RequestAsync("pty-req", new SshDataWriter().WriteString("xterm").WriteUInt32(size.Columns).WriteUInt32(size.Rows)
                .WriteUInt32(size.Width).WriteUInt32(size.Height).WriteString(string.Empty), cancellation);
            await shell.RequestAsync("shell", new SshDataWriter(), cancellation);
            await shell.ReadToPromptAsync(cancellation);
            return shell;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task ResizeAsync((uint Columns, uint Rows, uint Width, uint Height) size, CancellationToken cancellation) =>
        RequestAsync("window-change", new SshDataWriter().WriteUInt32(size.Columns).WriteUInt32(size.Rows).WriteUInt32(size.Width).WriteUInt32(size.Height), cancellation);

    /// <summary>Sends the bytes and Enter, and returns the output to the next prompt, paging as needed.</summary>
    public async Task<string> RunAsync(byte[] line, CancellationToken cancellation)
    {
        await _client.SendDataAsync(_channel, [.. line, (byte)'\r'], cancellation);
        return await ReadToPromptAsync(cancellation);
    }

    public Task<string> RunAsync(string line, CancellationToken cancellation) => RunAsync(Encoding.UTF8.GetBytes(line), cancellation);

    public void Dispose() => _client.Dispose();

    private async Task RequestAsync(string name, SshDataWriter data, CancellationToken cancellation)
    {
        var request = new SshDataWriter().WriteByte(ScriptedSshClient.ChannelRequest).WriteUInt32(_channel).WriteString(name).WriteBoolean(false)
            .WriteRaw(data.ToArray()).ToArray();
        await _client.SendAsync(request, cancellation);
    }

    private async Task<string> ReadToPromptAsync(CancellationToken cancellation)
    {
        var text = new StringBuilder();
        var pages = 0;
        while (true)
        {
            var payload = await _client.ReceiveAsync(cancellation);
            Assert.That(payload, Is.Not.Null, $"the server closed the connection; output so far: {text}");
            Assert.That(Wire.DisconnectReason(payload!), Is.Null, $"the server disconnected; output so far: {text}");
            if (payload![0] != ScriptedSshClient.ChannelData)
            {
                continue;
            }

            text.Append(ScriptedSshClient.DataText(payload));
            var sofar = text.ToString();
            if (sofar.EndsWith("\n" + FirewallUnderTest.Prompt, StringComparison.Ordinal))
            {
                return sofar;
            }

            if (sofar.EndsWith("--more--", StringComparison.Ordinal))
            {
                Assert.That(++pages, Is.LessThan(MaxPages), "pages of one output");
                await _client.SendDataAsync(_channel, " "u8, cancellation);
            }
        }
    }
}
