using System.Text;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// The method data of a "password" USERAUTH_REQUEST (RFC 4252 §8): boolean FALSE and the password,
/// or boolean TRUE, the old password and the new one. The passwords never appear in
/// <see cref="object.ToString"/>.
/// </summary>
public sealed record PasswordRequest(string Password, string? NewPassword = null)
{
    public const string Method = AuthenticationMethods.Password;

    /// <summary>The client asks to change its password (the boolean field).</summary>
    public bool IsChange => NewPassword is not null;

    /// <summary>Parses <see cref="UserauthRequestMessage.MethodData"/>; trailing bytes are ignored.</summary>
    public static PasswordRequest Read(ReadOnlySpan<byte> methodData)
    {
        var reader = new SshDataReader(methodData);
        var change = reader.ReadBoolean();
        var password = reader.ReadString();
        var newPassword = change ? reader.ReadString() : null;
        return new PasswordRequest(password, newPassword);
    }

    public void Write(SshDataWriter writer)
    {
        writer.WriteBoolean(IsChange).WriteString(Password);
        if (NewPassword is not null)
        {
            writer.WriteString(NewPassword);
        }
    }

    public byte[] ToMethodData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = ***");
        if (NewPassword is not null)
        {
            builder.Append(", NewPassword = ***");
        }

        builder.Append(", IsChange = ").Append(IsChange ? "True" : "False");
        return true;
    }
}
