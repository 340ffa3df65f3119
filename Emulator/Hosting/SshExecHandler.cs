using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;
using VirtualFirewall.Grammar;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// `ssh admin@host show system info`: one command, its output, then exit status 0, or 1 after the
/// PAN-OS error text for a line the CLI rejects. Line ends are `\r\n` with a pty and `\n` without one,
/// as a program's output reaches an SSH client.
/// </summary>
internal sealed class SshExecHandler : ISshChannelHandler
{
    private SshExecHandler()
    {
    }

    public static SshExecHandler Run(Device device, SshSessionChannel channel, string command)
    {
        var (session, _) = device.Login(channel.User, channel.RemoteAddress, "CLI");
        try
        {
            var (output, status) = CommandLine.Parse(command) switch
            {
                ParseFailure failure => (failure.Message, 1u),
                ParsedCommand parsed => (parsed.Pipeline.Apply(device.Execute(parsed.Command, session).Output), 0u),
                _ => (string.Empty, 0u),
            };
            if (channel.TerminalType is not null)
            {
                var writer = new TerminalWriter();
                writer.Write(output);
                channel.Write(writer.Take());
            }
            else
            {
                channel.Write(Encoding.UTF8.GetBytes(output));
            }

            channel.Exit(status);
        }
        finally
        {
            device.Logout(session);
        }

        return new SshExecHandler();
    }

    public void OnInput(ReadOnlySpan<byte> data)
    {
    }

    public void OnResize(int columns, int rows)
    {
    }

    public void OnEndOfInput()
    {
    }

    public void OnClosed()
    {
    }
}
