using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Ssh;

/// <summary>How a server session behaves: its identity, algorithms, limits and log.</summary>
public sealed record SshServerOptions
{
    /// <summary>The software part of the version line. It never claims to be OpenSSH (pitfall 1).</summary>
    public string SoftwareVersion { get; init; } = "VirtualFirewall_1.0";

    public required IReadOnlyList<HostKey> HostKeys { get; init; }

    /// <summary>Offered in this order; by default the set ssh-audit passes without a warning (see <see cref="WithLegacyAlgorithms"/>).</summary>
    public IReadOnlyList<string> KeyExchangeAlgorithms { get; init; } = Algorithms.KeyExchange.KeyExchangeAlgorithms.Default;

    public IReadOnlyList<string> Ciphers { get; init; } = PacketProtection.Ciphers;

    public IReadOnlyList<string> Macs { get; init; } = PacketProtection.DefaultMacs;

    /// <summary>Sent as SSH_MSG_USERAUTH_BANNER before authentication, when set.</summary>
    public string? Banner { get; init; }

    /// <summary>Adds the keyboard-interactive round `Do you accept and acknowledge the statement above ? (yes/no) : ` (client contract C2).</summary>
    public bool RequireBannerAcknowledgement { get; init; }

    public SshLimits Limits { get; init; } = new();

    /// <summary>Receives one line per notable event. Never given secrets.</summary>
    public Action<SshLogLevel, string>? Log { get; init; }

    /// <summary>
    /// These options with every key exchange and MAC implemented: adds `ecdh-sha2-nistp256/384/521`
    /// and the encrypt-and-MAC `hmac-sha2-256`/`-512`, which ssh-audit flags, for clients or checks
    /// that need them. Host keys are whatever <see cref="HostKeys"/> holds.
    /// </summary>
    public SshServerOptions WithLegacyAlgorithms() => this with
    {
        KeyExchangeAlgorithms = Algorithms.KeyExchange.KeyExchangeAlgorithms.Names,
        Macs = PacketProtection.Macs,
    };
}
