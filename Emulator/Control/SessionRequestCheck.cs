using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VirtualFirewall.Emulator.Inventory.Description;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// Checks a <see cref="SessionRequest"/> field by field and turns it into the <see cref="SessionDescription"/>
/// a device description would give; the first fault is a message that starts with the field's name.
/// </summary>
internal static class SessionRequestCheck
{
    private const int LongestName = 63;

    public static (SessionDescription? Session, string? Error) Check(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Protocol(request.Protocol) is not { } protocol)
        {
            return (null, $"protocol: {ControlResults.Quote(request.Protocol?.GetRawText() ?? string.Empty)} is not tcp, udp, icmp or a number from 0 to 255");
        }

        var portsRequired = DeviceDescriptionReader.ProtocolNumber(protocol) is 6 or 17;
        var error = Required("from", request.From) ?? Name("from", request.From)
            ?? Required("to", request.To) ?? Name("to", request.To)
            ?? Required("source", request.Source) ?? Address("source", request.Source)
            ?? Required("destination", request.Destination) ?? Address("destination", request.Destination)
            ?? (portsRequired && request.SourcePort is null ? "source-port is required for tcp and udp" : null)
            ?? (portsRequired && request.DestinationPort is null ? "destination-port is required for tcp and udp" : null)
            ?? Range("id", request.Id, 1, uint.MaxValue)
            ?? Range("source-port", request.SourcePort, 0, 65535)
            ?? Range("destination-port", request.DestinationPort, 0, 65535)
            ?? Name("application", request.Application)
            ?? Name("rule", request.Rule)
            ?? Choice("action", request.Action, "allow", "deny", "drop")
            ?? Address("nat-source", request.NatSource)
            ?? Range("nat-source-port", request.NatSourcePort, 0, 65535)
            ?? Address("nat-destination", request.NatDestination)
            ?? Range("nat-destination-port", request.NatDestinationPort, 0, 65535)
            ?? Name("nat-rule", request.NatRule)
            ?? Name("ingress-interface", request.IngressInterface)
            ?? Name("egress-interface", request.EgressInterface)
            ?? Name("source-user", request.SourceUser, 127)
            ?? Name("destination-user", request.DestinationUser, 127)
            ?? Range("timeout", request.Timeout, 1, 15_999_999);
        if (error is not null)
        {
            return (null, error);
        }

        return (new SessionDescription
        {
            Id = (uint?)request.Id,
            From = request.From!,
            To = request.To!,
            Source = request.Source!,
            SourcePort = (int)(request.SourcePort ?? 0),
            Destination = request.Destination!,
            DestinationPort = (int)(request.DestinationPort ?? 0),
            Protocol = protocol,
            Application = request.Application ?? "incomplete",
            Rule = request.Rule ?? string.Empty,
            Action = request.Action ?? "allow",
            NatSource = request.NatSource,
            NatSourcePort = (int?)request.NatSourcePort,
            NatDestination = request.NatDestination,
            NatDestinationPort = (int?)request.NatDestinationPort,
            NatRule = request.NatRule,
            IngressInterface = request.IngressInterface,
            EgressInterface = request.EgressInterface,
            SourceUser = request.SourceUser ?? "unknown",
            DestinationUser = request.DestinationUser ?? "unknown",
            Established = request.Established ?? true,
            LogAtEnd = request.LogAtEnd ?? true,
            Timeout = (int?)request.Timeout,
        }, null);
    }

    /// <summary>The protocol as the description reader takes it (<c>tcp</c>, <c>udp</c>, <c>icmp</c> or digits); null when it is none of them.</summary>
    private static string? Protocol(JsonElement? value)
    {
        var text = value switch
        {
            null => "tcp",
            { ValueKind: JsonValueKind.Null } => "tcp",
            { ValueKind: JsonValueKind.String } element => element.GetString()!.ToLowerInvariant(),
            { ValueKind: JsonValueKind.Number } element when element.TryGetInt32(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is not null && DeviceDescriptionReader.ProtocolNumber(text) is not null ? text : null;
    }

    private static string? Required(string field, string? value) => value is null ? $"{field} is required" : null;

    /// <summary>A zone, rule, application, interface or user name: 1 to <paramref name="longest"/> characters, no control characters, no spaces at either end.</summary>
    private static string? Name(string field, string? value, int longest = LongestName) => value switch
    {
        null => null,
        "" => $"{field}: must not be empty",
        _ when value.Length > longest => $"{field}: {ControlResults.Quote(value)} is longer than {longest} characters",
        _ when value.Any(char.IsControl) => $"{field}: {ControlResults.Quote(value)} contains control characters",
        _ when char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) => $"{field}: {ControlResults.Quote(value)} starts or ends with a space",
        _ => null,
    };

    /// <summary>An IPv4 address in four dotted parts or an IPv6 address; <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone takes <c>10</c> for 0.0.0.10.</summary>
    public static string? Address(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var valid = IPAddress.TryParse(value, out var address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6
                ? value.Contains(':', StringComparison.Ordinal)
                : value.Count(c => c == '.') == 3 && value.All(c => char.IsAsciiDigit(c) || c == '.'));
        return valid ? null : $"{field}: {ControlResults.Quote(value)} is not an IP address";
    }

    public static string? Range(string field, long? value, long least, long most) =>
        value is { } n && (n < least || n > most)
            ? string.Create(CultureInfo.InvariantCulture, $"{field}: {n} is out of range ({least} to {most})")
            : null;

    private static string? Choice(string field, string? value, params string[] choices) =>
        value is null || choices.Contains(value, StringComparer.Ordinal)
            ? null
            : $"{field}: {ControlResults.Quote(value)} is not one of: {string.Join(", ", choices)}";
}
