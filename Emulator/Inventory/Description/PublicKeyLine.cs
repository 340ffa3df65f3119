using System.Buffers.Binary;
using System.Text;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>An OpenSSH public key line (`ssh-ed25519 AAAA... comment`): its key blob, checked against its type.</summary>
public static class PublicKeyLine
{
    public static bool TryParse(string line, out byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(line);
        blob = [];
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            return false;
        }

        try
        {
            blob = Convert.FromBase64String(fields[1]);
        }
        catch (FormatException)
        {
            return false;
        }

        // RFC 4253 §6.6: the blob starts with the key type as an SSH string.
        if (blob.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return length <= blob.Length - 4 && string.Equals(Encoding.ASCII.GetString(blob, 4, (int)length), fields[0], StringComparison.Ordinal);
    }
}
