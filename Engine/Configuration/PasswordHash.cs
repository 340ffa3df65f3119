using System.Security.Cryptography;
using System.Text;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The `phash` a password is stored as. It has the shape of PAN-OS's MD5-crypt hashes (`$1$salt$hash`)
/// but is a salted SHA-256 digest, so a device keeps verifying logins after a restart from its saved
/// configuration without ever storing the password.
/// </summary>
public static class PasswordHash
{
    private const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Of(string password, Random random)
    {
        var salt = new string([.. Enumerable.Range(0, 8).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
        return WithSalt(salt, password);
    }

    /// <summary>True when the password hashes to the stored value; the comparison takes the same time wherever they differ.</summary>
    public static bool Verify(string phash, string password)
    {
        var parts = phash.Split('$');
        if (parts.Length != 4 || parts[0].Length != 0 || parts[1] != "1")
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(WithSalt(parts[2], password)), Encoding.ASCII.GetBytes(phash));
    }

    private static string WithSalt(string salt, string password)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(salt + "$" + password));
        var hash = new string([.. digest.Take(22).Select(b => Alphabet[b % Alphabet.Length])]);
        return "$1$" + salt + "$" + hash;
    }
}
