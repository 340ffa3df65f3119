namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>The key exchange methods this server implements, in preference order, and a factory for each.</summary>
public static class KeyExchangeAlgorithms
{
    /// <summary>Every method implemented.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        Curve25519KeyExchange.StandardName,
        Curve25519KeyExchange.LibsshName,
        "ecdh-sha2-nistp256",
        "ecdh-sha2-nistp384",
        "ecdh-sha2-nistp521",
        DiffieHellmanGroup14KeyExchange.AlgorithmName,
    ];

    /// <summary>
    /// The methods offered by default: ssh-audit fails the NIST curves of `ecdh-sha2-*`, and every client
    /// of the contract has curve25519 or group14-sha256.
    /// </summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        Curve25519KeyExchange.StandardName,
        Curve25519KeyExchange.LibsshName,
        DiffieHellmanGroup14KeyExchange.AlgorithmName,
    ];

    public static bool IsSupported(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>A fresh instance, with fresh ephemeral keys, for one exchange.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static KeyExchangeAlgorithm Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            Curve25519KeyExchange.StandardName or Curve25519KeyExchange.LibsshName => new Curve25519KeyExchange(name),
            "ecdh-sha2-nistp256" or "ecdh-sha2-nistp384" or "ecdh-sha2-nistp521" => new EcdhKeyExchange(name),
            DiffieHellmanGroup14KeyExchange.AlgorithmName => new DiffieHellmanGroup14KeyExchange(),
            _ => throw new ArgumentException($"unsupported key exchange method: {name}", nameof(name)),
        };
    }
}
