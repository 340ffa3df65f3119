using System.Security.Cryptography;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Transport;

/// <summary>RFC 4253 §7.2: HASH(K || H || letter || session_id), extended by HASH(K || H || K1 || ...) when longer keys are needed. K is hashed as an mpint.</summary>
internal static class KeyDerivation
{
    public static byte[] Derive(HashAlgorithmName hash, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> exchangeHash, char letter, ReadOnlySpan<byte> sessionId, int length)
    {
        if (length == 0)
        {
            return [];
        }

        var k = new SshDataWriter().WriteMpintUnsigned(sharedSecret).ToArray();
        var first = new SshDataWriter().WriteRaw(k).WriteRaw(exchangeHash).WriteByte((byte)letter).WriteRaw(sessionId);
        var key = new List<byte>(Hash(hash, first.Written));
        while (key.Count < length)
        {
            var more = new SshDataWriter().WriteRaw(k).WriteRaw(exchangeHash).WriteRaw([.. key]);
            key.AddRange(Hash(hash, more.Written));
        }

        return [.. key.Take(length)];
    }

    public static byte[] Hash(HashAlgorithmName hash, ReadOnlySpan<byte> data) =>
        hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data)
        : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
        : hash == HashAlgorithmName.SHA512 ? SHA512.HashData(data)
        : throw new ArgumentException($"unsupported hash {hash}", nameof(hash));
}
