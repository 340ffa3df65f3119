namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>Our public value and the shared secret K, both big-endian, K unsigned.</summary>
public sealed record KeyExchangeResult(byte[] ServerPublic, byte[] SharedSecret);
