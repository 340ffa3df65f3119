using System.Globalization;
using System.Net;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// Value checks of the configuration schema. Each returns null for a valid value, else the reason
/// PAN-OS prints before `Invalid syntax.`; the wording follows the one captured reason
/// (`... is not a valid IPv4/v6 ip address range (e.g. 10.1.1.1-10.1.1.9 )`, panos-cli-reference.md §2.6).
/// </summary>
public static class ConfigValues
{
    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._- ");

    public static string? Name(string value) =>
        value.Length is >= 1 and <= 63 && !value.AsSpan().ContainsAnyExcept(NameCharacters) && value[0] != ' '
            ? null
            : $"{value} is not a valid name";

    public static string? Text(string value) => value.Length <= 1023 ? null : "value is too long";

    public static string? Ipv4(string value) =>
        IsIpv4(value) ? null : $"{value} is not a valid IPv4 address";

    /// <summary>An address with an optional prefix length: `10.1.1.1` or `10.1.1.0/24`.</summary>
    public static string? IpNetmask(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? value : value[..slash];
        var valid = IsIpv4(address)
            && (slash < 0 || (int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix is >= 0 and <= 32));
        return valid ? null : $"{value} is not a valid IPv4/v6 ip address or network (e.g. 10.1.1.1/24 )";
    }

    public static string? IpRange(string value)
    {
        var parts = value.Split('-');
        var valid = parts.Length == 2 && IsIpv4(parts[0]) && IsIpv4(parts[1])
            && ToNumber(parts[0]) <= ToNumber(parts[1]);
        return valid ? null : $"{value} is not a valid IPv4/v6 ip address range (e.g. 10.1.1.1-10.1.1.9 )";
    }

    public static string? Fqdn(string value) =>
        value.Length is >= 1 and <= 255 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '*')
            ? null
            : $"{value} is not a valid FQDN";

    /// <summary>Ports as PAN-OS services take them: `80`, `8080-8090`, `80,443`.</summary>
    public static string? Ports(string value)
    {
        foreach (var part in value.Split(','))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535))
            {
                return $"{value} is not a valid port or port range";
            }
        }

        return null;
    }

    public static Func<string, string?> IntegerInRange(int min, int max) =>
        value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? null
            : $"{value} is not in range {min}-{max}";

    private static bool IsIpv4(string value) =>
        value.Count(c => c == '.') == 3 && IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    private static uint ToNumber(string value)
    {
        var bytes = IPAddress.Parse(value).GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
