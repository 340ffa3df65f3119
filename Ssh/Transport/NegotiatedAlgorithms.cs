namespace VirtualFirewall.Ssh.Transport;

/// <summary>The outcome of one KEXINIT exchange. MACs are null for AEAD ciphers.</summary>
internal sealed record NegotiatedAlgorithms(
    string KeyExchange,
    string HostKey,
    string CipherClientToServer,
    string CipherServerToClient,
    string? MacClientToServer,
    string? MacServerToClient);
