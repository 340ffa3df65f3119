using System.Text;

namespace VirtualFirewall.Emulator.Telnet;

/// <summary>Application data bytes, with IAC IAC already reduced to a single 0xFF.</summary>
/// <remarks>Equality compares the byte contents, not the array reference.</remarks>
public sealed record TelnetData(byte[] Bytes) : TelnetEvent
{
    public bool Equals(TelnetData? other) =>
        other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Bytes = ").Append(Convert.ToHexString(Bytes));
        return true;
    }
}
