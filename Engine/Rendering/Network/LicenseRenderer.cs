using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `request license info`, as request_license_info/pr-comment-provided.raw: `Current &lt;zone&gt; Date:`,
/// a blank line, then one `License entry:` block per licence separated by blank lines. Dates read
/// `March 08, 2017`; a licence that never expires reads `Never`; `Base license:` and `Authcode:`
/// appear only when set, in that order.
/// </summary>
public static class LicenseRenderer
{
    public static string Render(IReadOnlyList<License> licenses, DateOnly today, string zone)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        var text = new StringBuilder();
        text.Append("Current ").Append(zone).Append(" Date: ").Append(Date(today)).Append('\n');
        foreach (var license in licenses)
        {
            text.Append("\nLicense entry:\n");
            text.Append("Feature: ").Append(license.Feature).Append('\n');
            text.Append("Description: ").Append(license.Description).Append('\n');
            text.Append("Serial: ").Append(license.Serial).Append('\n');
            text.Append("Issued: ").Append(Date(license.Issued)).Append('\n');
            text.Append("Expires: ").Append(license.Expires is { } expires ? Date(expires) : "Never").Append('\n');
            text.Append("Expired?: ").Append(license.Expires is { } end && end < today ? "yes" : "no").Append('\n');
            if (license.BaseLicense is not null)
            {
                text.Append("Base license: ").Append(license.BaseLicense).Append('\n');
            }

            if (license.AuthCode is not null)
            {
                text.Append("Authcode: ").Append(license.AuthCode).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("MMMM dd, yyyy", CultureInfo.InvariantCulture);
}
