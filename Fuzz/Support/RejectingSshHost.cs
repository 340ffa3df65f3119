using VirtualFirewall.Ssh;

namespace VirtualFirewall.Fuzz.Support;

/// <summary>A host that lets nobody in: the fuzzed client never gets past the transport and authentication layers.</summary>
internal sealed class RejectingSshHost : ISshServerHost
{
    public bool AuthenticatePassword(string user, string password) => false;

    public bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob) => false;

    public ISshChannelHandler OpenShell(SshSessionChannel channel) =>
        throw new InvalidOperationException("no channel can open before authentication");

    public ISshChannelHandler OpenExec(SshSessionChannel channel, string command) =>
        throw new InvalidOperationException("no channel can open before authentication");
}
