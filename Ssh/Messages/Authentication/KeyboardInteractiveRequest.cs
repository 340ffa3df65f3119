using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// The method data of a "keyboard-interactive" USERAUTH_REQUEST (RFC 4256 §3.1): a deprecated
/// language tag and a comma-separated list of submethods, both usually empty.
/// </summary>
public sealed record KeyboardInteractiveRequest(string Language = "", string Submethods = "")
{
    public const string Method = AuthenticationMethods.KeyboardInteractive;

    /// <summary>Parses <see cref="UserauthRequestMessage.MethodData"/>; trailing bytes are ignored.</summary>
    public static KeyboardInteractiveRequest Read(ReadOnlySpan<byte> methodData)
    {
        var reader = new SshDataReader(methodData);
        var language = reader.ReadString();
        var submethods = reader.ReadString();
        return new KeyboardInteractiveRequest(language, submethods);
    }

    public void Write(SshDataWriter writer) => writer.WriteString(Language).WriteString(Submethods);

    public byte[] ToMethodData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
