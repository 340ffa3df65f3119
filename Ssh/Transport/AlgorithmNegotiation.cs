using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Ssh.Transport;

/// <summary>RFC 4253 §7.1: for each list, the first name in the client's list that the server also offers.</summary>
internal static class AlgorithmNegotiation
{
    public const string ClientExtInfo = "ext-info-c";
    public const string ServerExtInfo = "ext-info-s";
    public const string ClientStrictKex = "kex-strict-c-v00@openssh.com";
    public const string ServerStrictKex = "kex-strict-s-v00@openssh.com";

    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal)
    {
        ClientExtInfo, ServerExtInfo, ClientStrictKex, ServerStrictKex,
    };

    public static NegotiatedAlgorithms Negotiate(KexInitMessage client, KexInitMessage server)
    {
        var kex = Choose("key exchange", client.KexAlgorithms, server.KexAlgorithms);
        var hostKey = Choose("host key", client.ServerHostKeyAlgorithms, server.ServerHostKeyAlgorithms);
        var cipherIn = Choose("cipher (client to server)", client.EncryptionClientToServer, server.EncryptionClientToServer);
        var cipherOut = Choose("cipher (server to client)", client.EncryptionServerToClient, server.EncryptionServerToClient);
        var macIn = PacketProtection.IsAead(cipherIn) ? null : Choose("MAC (client to server)", client.MacClientToServer, server.MacClientToServer);
        var macOut = PacketProtection.IsAead(cipherOut) ? null : Choose("MAC (server to client)", client.MacServerToClient, server.MacServerToClient);
        Choose("compression (client to server)", client.CompressionClientToServer, server.CompressionClientToServer);
        Choose("compression (server to client)", client.CompressionServerToClient, server.CompressionServerToClient);
        return new NegotiatedAlgorithms(kex, hostKey, cipherIn, cipherOut, macIn, macOut);
    }

    /// <summary>
    /// With first_kex_packet_follows, the client's guess is right only when its first key exchange and
    /// host key algorithms are the ones negotiated (RFC 4253 §7).
    /// </summary>
    public static bool GuessWasRight(KexInitMessage client, NegotiatedAlgorithms chosen) =>
        string.Equals(client.KexAlgorithms.FirstOrDefault(n => !Markers.Contains(n)), chosen.KeyExchange, StringComparison.Ordinal)
        && client.ServerHostKeyAlgorithms.Count > 0
        && string.Equals(client.ServerHostKeyAlgorithms[0], chosen.HostKey, StringComparison.Ordinal);

    private static string Choose(string what, IReadOnlyList<string> client, IReadOnlyList<string> server)
    {
        foreach (var name in client)
        {
            if (!Markers.Contains(name) && server.Contains(name, StringComparer.Ordinal))
            {
                return name;
            }
        }

        throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, $"no common {what} algorithm");
    }
}
