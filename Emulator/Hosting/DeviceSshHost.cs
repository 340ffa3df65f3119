using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Connects the SSH library to one device: its users log in, its CLI runs on the channels.</summary>
internal sealed class DeviceSshHost : ISshServerHost
{
    private readonly Device _device;

    public DeviceSshHost(Device device)
    {
        _device = device;
    }

    public bool AuthenticatePassword(string user, string password) => _device.Users.VerifyPassword(user, password);

    public bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob) => _device.Users.IsAuthorizedKey(user, publicKeyBlob);

    public ISshChannelHandler OpenShell(SshSessionChannel channel) => new SshShellHandler(_device, channel);

    public ISshChannelHandler OpenExec(SshSessionChannel channel, string command) => SshExecHandler.Run(_device, channel, command);
}
