using VirtualFirewall.Fuzz.Support;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// A whole server session whose client sends the input and closes: the version line, then packets in
/// clear until NEWKEYS, so the version exchange, the framing before keys and the key exchange state
/// machine all see it. The session must end by itself: it reports bad input by disconnecting, never
/// by throwing.
/// </summary>
public sealed class SshSessionTarget : IFuzzTarget
{
    private static readonly SshServerOptions Options = new()
    {
        HostKeys = [Ed25519HostKey.FromSeed(new byte[32])],
        Limits = new SshLimits { AuthFailureDelay = TimeSpan.Zero },
    };

    public string Name => "ssh-session";

    public void Run(ReadOnlySpan<byte> input)
    {
        using var session = new SshServerSession(new ScriptedInputStream(input.ToArray()), Options, new RejectingSshHost(), "fuzz");
        session.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
