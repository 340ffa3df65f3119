using System.Net;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>What the emulator warns about when `--listen` is not a loopback address: a test fixture is not hardened for a network.</summary>
public static class ExposureWarnings
{
    /// <summary>One warning per exposed listener kind; none on loopback. The control API always binds loopback.</summary>
    public static IReadOnlyList<string> For(IPAddress address, bool servesSsh, bool servesTelnet)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IPAddress.IsLoopback(address))
        {
            return [];
        }

        var warnings = new List<string>();
        if (servesSsh)
        {
            warnings.Add($"ssh is exposed beyond loopback on {address}: anyone who can reach it can try the device's passwords (admin/admin by default); see SECURITY.md");
        }

        if (servesTelnet)
        {
            warnings.Add($"telnet is exposed beyond loopback on {address}: anyone who can reach it can log in with cleartext passwords; see SECURITY.md");
        }

        return warnings;
    }
}
