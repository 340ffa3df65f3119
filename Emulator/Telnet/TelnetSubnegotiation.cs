using System.Text;

namespace VirtualFirewall.Emulator.Telnet;

/// <summary>A complete <c>IAC SB option payload IAC SE</c>; the payload has IAC IAC reduced to a single 0xFF.</summary>
/// <remarks>Equality compares the payload contents, not the array reference.</remarks>
public sealed record TelnetSubnegotiation(byte Option, byte[] Payload) : TelnetEvent
{
    public bool Equals(TelnetSubnegotiation? other) =>
        other is not null && Option == other.Option && Payload.AsSpan().SequenceEqual(other.Payload);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Option);
        hash.AddBytes(Payload);
        return hash.ToHashCode();
    }

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Option = ").Append(Option.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Payload = ").Append(Convert.ToHexString(Payload));
        return true;
    }
}
