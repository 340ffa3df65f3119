using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// The method data of a "publickey" USERAUTH_REQUEST (RFC 4252 §7): the public key algorithm, the
/// public key blob and, when the boolean is TRUE, the signature blob. Without a signature the client
/// asks whether the key would do (answered by USERAUTH_PK_OK).
/// </summary>
public sealed record PublicKeyRequest(string Algorithm, byte[] PublicKeyBlob, byte[]? Signature = null)
{
    public const string Method = AuthenticationMethods.PublicKey;

    /// <summary>The boolean field: a signature follows.</summary>
    public bool HasSignature => Signature is not null;

    /// <summary>Parses <see cref="UserauthRequestMessage.MethodData"/>; trailing bytes are ignored.</summary>
    public static PublicKeyRequest Read(ReadOnlySpan<byte> methodData)
    {
        var reader = new SshDataReader(methodData);
        var hasSignature = reader.ReadBoolean();
        var algorithm = reader.ReadString();
        var publicKeyBlob = reader.ReadBinaryArray();
        var signature = hasSignature ? reader.ReadBinaryArray() : null;
        return new PublicKeyRequest(algorithm, publicKeyBlob, signature);
    }

    /// <summary>
    /// The data the client signs (RFC 4252 §7): session identifier, USERAUTH_REQUEST, user name,
    /// service, "publickey", TRUE, algorithm and public key blob.
    /// </summary>
    public static byte[] BuildSignedData(
        ReadOnlySpan<byte> sessionId, string userName, string serviceName, string algorithm, ReadOnlySpan<byte> publicKeyBlob)
    {
        var writer = new SshDataWriter();
        writer.WriteBinary(sessionId)
            .WriteByte(UserauthRequestMessage.Number)
            .WriteString(userName)
            .WriteString(serviceName)
            .WriteString(Method)
            .WriteBoolean(true)
            .WriteString(algorithm)
            .WriteBinary(publicKeyBlob);
        return writer.ToArray();
    }

    public void Write(SshDataWriter writer)
    {
        writer.WriteBoolean(HasSignature).WriteString(Algorithm).WriteBinary(PublicKeyBlob);
        if (Signature is not null)
        {
            writer.WriteBinary(Signature);
        }
    }

    public byte[] ToMethodData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
