using System.Globalization;

namespace VirtualFirewall.Engine.State;

/// <summary>The major.minor of a `sw-version` such as `10.2.10` or `9.0.0-c300`: output layouts change by release.</summary>
public readonly record struct PanosRelease(int Major, int Minor) : IComparable<PanosRelease>
{
    public static PanosRelease Parse(string swVersion)
    {
        var parts = swVersion.Split('.', '-');
        var major = parts.Length > 0 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new PanosRelease(major, minor);
    }

    public bool IsAtLeast(int major, int minor) => CompareTo(new PanosRelease(major, minor)) >= 0;

    public int CompareTo(PanosRelease other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(PanosRelease left, PanosRelease right) => left.CompareTo(right) < 0;

    public static bool operator >(PanosRelease left, PanosRelease right) => left.CompareTo(right) > 0;

    public static bool operator <=(PanosRelease left, PanosRelease right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PanosRelease left, PanosRelease right) => left.CompareTo(right) >= 0;
}
