using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>The interactive CLI on an SSH session channel: the same shell as Telnet.</summary>
internal sealed class SshShellHandler : ISshChannelHandler
{
    private readonly SshSessionChannel _channel;
    private readonly CliShell _shell;

    public SshShellHandler(Device device, SshSessionChannel channel)
    {
        _channel = channel;
        var (session, banner) = device.Login(channel.User, channel.RemoteAddress, "CLI");
        _shell = new CliShell(device, session);
        _shell.Resize(channel.Columns, channel.Rows);
        _shell.Start(banner);
        Flush();
    }

    public void OnInput(ReadOnlySpan<byte> data)
    {
        if (_shell.IsClosed)
        {
            return;
        }

        _shell.Feed(data);
        Flush();
    }

    public void OnResize(int columns, int rows) => _shell.Resize(columns, rows);

    public void OnEndOfInput()
    {
        if (!_shell.IsClosed)
        {
            _shell.Close();
            _channel.Exit(0);
        }
    }

    public void OnClosed()
    {
        if (!_shell.IsClosed)
        {
            _shell.Close();
        }
    }

    private void Flush()
    {
        _channel.Write(_shell.TakeOutput());
        if (_shell.IsClosed)
        {
            _channel.Exit(0);
        }
    }
}
