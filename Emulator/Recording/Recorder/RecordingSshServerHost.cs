using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>The SSH host's callbacks with interactive shells recorded; authentication and exec channels pass through.</summary>
internal sealed class RecordingSshServerHost : ISshServerHost
{
    private readonly ISshServerHost _inner;
    private readonly Func<Device> _current;
    private readonly TranscriptRecorderOptions _recording;

    public RecordingSshServerHost(ISshServerHost inner, Func<Device> current, TranscriptRecorderOptions recording)
    {
        _inner = inner;
        _current = current;
        _recording = recording;
    }

    public bool AuthenticatePassword(string user, string password) => _inner.AuthenticatePassword(user, password);

    public bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob) => _inner.IsAuthorizedKey(user, publicKeyBlob);

    public ISshChannelHandler OpenShell(SshSessionChannel channel) => new SshShellHandler(_current(), channel, _recording);

    public ISshChannelHandler OpenExec(SshSessionChannel channel, string command) => _inner.OpenExec(channel, command);
}
