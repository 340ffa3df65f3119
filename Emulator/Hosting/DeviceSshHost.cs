using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// Connects the SSH library to one device: its users log in, its CLI runs on the channels. The device
/// is looked up at each step, so a device reset to its description serves the next login.
/// </summary>
internal sealed class DeviceSshHost : ISshServerHost
{
    private readonly Func<Device> _current;

    public DeviceSshHost(Func<Device> current)
    {
        _current = current;
    }

    private Device CurrentDevice => _current();

    public bool AuthenticatePassword(string user, string password) => CurrentDevice.Users.VerifyPassword(user, password);

    public bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob) => CurrentDevice.Users.IsAuthorizedKey(user, publicKeyBlob);

    public ISshChannelHandler OpenShell(SshSessionChannel channel) => new SshShellHandler(CurrentDevice, channel);

    public ISshChannelHandler OpenExec(SshSessionChannel channel, string command) => SshExecHandler.Run(CurrentDevice, channel, command);
}
