using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// The fields and operators of a filter term, with the field names of the web UI's filter builder
/// and of the traffic log (the syslog field names of the PAN-OS "Traffic Log Fields" reference):
/// <list type="bullet">
/// <item>addresses `addr.src`, `addr.dst`, `addr` (either end): `in` / `notin` take an address or a
/// CIDR network whose host bits may be set (`10.10.10.2/30` = 10.10.10.0 to .3, LIVEcommunity "Traffic
/// Monitor Filter Basics"); `eq` / `neq` compare one address.</item>
/// <item>names `app`, `rule`, `zone.src`, `zone.dst`, `action` (allow, deny, drop), `session_end_reason`
/// (tcp-fin, aged-out, ...), `user.src`, `user.dst`, `vsys`: `eq` / `neq`, exact and case-sensitive.</item>
/// <item>numbers `port.src`, `port.dst`, `sessionid`, `bytes`, `bytes_sent`, `bytes_received`,
/// `packets`, `elapsed`: `eq`, `neq`, `geq`, `leq`.</item>
/// <item>`proto`: `eq` / `neq` with a number or tcp, udp, icmp.</item>
/// </list>
/// An unknown field, an operator the field does not take, or a value of the wrong kind (a port that is
/// not a number, an address that is not one) makes the filter invalid. Field and operator names are
/// matched ignoring case.
/// </summary>
internal static class TrafficLogQueryFields
{
    private static readonly FrozenDictionary<string, Operator> Operators = new Dictionary<string, Operator>
    {
        ["eq"] = Operator.Eq,
        ["neq"] = Operator.Neq,
        ["in"] = Operator.In,
        ["notin"] = Operator.NotIn,
        ["geq"] = Operator.Geq,
        ["leq"] = Operator.Leq,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Func<Operator, string, Func<TrafficLogEntry, bool>?>> Fields =
        new Dictionary<string, Func<Operator, string, Func<TrafficLogEntry, bool>?>>
        {
            ["addr.src"] = (op, value) => Address(op, value, static e => e.Source, null),
            ["addr.dst"] = (op, value) => Address(op, value, static e => e.Destination, null),
            ["addr"] = (op, value) => Address(op, value, static e => e.Source, static e => e.Destination),
            ["app"] = (op, value) => Name(op, value, static e => e.Application),
            ["rule"] = (op, value) => Name(op, value, static e => e.Rule),
            ["zone.src"] = (op, value) => Name(op, value, static e => e.FromZone),
            ["zone.dst"] = (op, value) => Name(op, value, static e => e.ToZone),
            ["action"] = (op, value) => Name(op, value, static e => e.ActionName),
            ["session_end_reason"] = (op, value) => Name(op, value, static e => SessionNames.Of(e.EndReason)),
            ["user.src"] = (op, value) => Name(op, value, static e => LoggedUser(e.SourceUser)),
            ["user.dst"] = (op, value) => Name(op, value, static e => LoggedUser(e.DestinationUser)),
            ["vsys"] = (op, value) => Name(op, value, static e => e.Vsys),
            ["port.src"] = (op, value) => Number(op, value, static e => e.SourcePort),
            ["port.dst"] = (op, value) => Number(op, value, static e => e.DestinationPort),
            ["sessionid"] = (op, value) => Number(op, value, static e => e.SessionId),
            ["bytes"] = (op, value) => Number(op, value, static e => e.Bytes),
            ["bytes_sent"] = (op, value) => Number(op, value, static e => e.BytesSent),
            ["bytes_received"] = (op, value) => Number(op, value, static e => e.BytesReceived),
            ["packets"] = (op, value) => Number(op, value, static e => e.Packets),
            ["elapsed"] = (op, value) => Number(op, value, static e => e.ElapsedSeconds),
            ["proto"] = Protocol,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private enum Operator
    {
        Eq,
        Neq,
        In,
        NotIn,
        Geq,
        Leq,
    }

    /// <summary>The test of one `field operator value` term; null when the term is not valid.</summary>
    public static Func<TrafficLogEntry, bool>? Term(string field, string op, string value) =>
        Fields.TryGetValue(field, out var build) && Operators.TryGetValue(op, out var @operator)
            ? build(@operator, value)
            : null;

    /// <summary>
    /// The user as the traffic log holds it: a session's `unknown` user is logged blank (the
    /// session-tracker KB: session 4632 shows `src user: unknown`, the log rows of the same device
    /// show no user).
    /// </summary>
    public static string LoggedUser(string user) =>
        string.Equals(user, "unknown", StringComparison.Ordinal) ? string.Empty : user;

    private static Func<TrafficLogEntry, bool>? Address(
        Operator op,
        string value,
        Func<TrafficLogEntry, IPAddress> first,
        Func<TrafficLogEntry, IPAddress>? second)
    {
        var test = op switch
        {
            Operator.In or Operator.NotIn => Network(value),
            Operator.Eq or Operator.Neq => ParseAddress(value) is { } address ? address.Equals : null,
            _ => null,
        };
        if (test is null)
        {
            return null;
        }

        var negate = op is Operator.NotIn or Operator.Neq;
        return e => negate != (test(first(e)) || (second is not null && test(second(e))));
    }

    /// <summary>`a.b.c.d`, `a.b.c.d/n` or the IPv6 forms: a test of membership; null when malformed.</summary>
    private static Func<IPAddress, bool>? Network(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (ParseAddress(slash < 0 ? value : value[..slash]) is not { } network)
        {
            return null;
        }

        var bits = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return null;
        }

        var networkBytes = network.GetAddressBytes();
        return candidate => candidate.AddressFamily == network.AddressFamily && SamePrefix(candidate.GetAddressBytes(), networkBytes, prefix);
    }

    /// <summary>
    /// A dotted quad or an IPv6 address without a zone. <see cref="IPAddress.TryParse(string, out IPAddress)"/>
    /// alone would also take the inet_aton shorthands (`10.0.0` = 10.0.0.0, `1` = 0.0.0.1).
    /// </summary>
    private static IPAddress? ParseAddress(string text)
    {
        var ipv6 = text.Contains(':', StringComparison.Ordinal);
        var valid = ipv6
            ? !text.Contains('%', StringComparison.Ordinal)
            : text.Count(c => c == '.') == 3 && text.All(c => c == '.' || char.IsAsciiDigit(c));
        return valid && IPAddress.TryParse(text, out var address) ? address : null;
    }

    private static bool SamePrefix(byte[] candidate, byte[] network, int prefix)
    {
        var whole = prefix / 8;
        for (var i = 0; i < whole; i++)
        {
            if (candidate[i] != network[i])
            {
                return false;
            }
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    private static Func<TrafficLogEntry, bool>? Name(Operator op, string value, Func<TrafficLogEntry, string> field) =>
        op switch
        {
            Operator.Eq => e => string.Equals(field(e), value, StringComparison.Ordinal),
            Operator.Neq => e => !string.Equals(field(e), value, StringComparison.Ordinal),
            _ => null,
        };

    private static Func<TrafficLogEntry, bool>? Number(Operator op, string value, Func<TrafficLogEntry, long> field)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return op switch
        {
            Operator.Eq => e => field(e) == number,
            Operator.Neq => e => field(e) != number,
            Operator.Geq => e => field(e) >= number,
            Operator.Leq => e => field(e) <= number,
            _ => null,
        };
    }

    private static Func<TrafficLogEntry, bool>? Protocol(Operator op, string value)
    {
        if (!ProtocolNumber(value, out var protocol))
        {
            return null;
        }

        return op switch
        {
            Operator.Eq => e => e.Protocol == protocol,
            Operator.Neq => e => e.Protocol != protocol,
            _ => null,
        };
    }

    private static bool ProtocolNumber(string value, out int protocol)
    {
        protocol = value.ToUpperInvariant() switch
        {
            "TCP" => 6,
            "UDP" => 17,
            "ICMP" => 1,
            _ => -1,
        };
        return protocol >= 0
            || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out protocol) && protocol <= 255);
    }
}
