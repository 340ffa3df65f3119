using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class LicenseRendererTests
{
    private const string Serial = "0000000xxxxxxxx";

    /// <summary>request_license_info/pr-comment-provided.raw, every byte.</summary>
    [Test]
    public void MatchesTheSample()
    {
        License[] licenses =
        [
            Sub("WildFire License", "WildFire signature feed, integrated WildFire logs, WildFire API", new(2020, 1, 13), new(2023, 3, 8)),
            Sub("Premium", "24 x 7 phone support; advanced replacement hardware service", new(2020, 1, 13), new(2023, 1, 9)),
            Sub("PAN-DB URL Filtering", "Palo Alto Networks URL Filtering License", new(2020, 1, 13), new(2023, 3, 8)),
            Sub("GlobalProtect Portal", "GlobalProtect Portal License", new(2017, 3, 8), null),
            new License("PA-VM", "Standard VM-100", Serial, new(2017, 3, 8), null),
            Sub("Threat Prevention", "Threat Prevention", new(2020, 1, 13), new(2023, 1, 13)),
            Sub("GlobalProtect Gateway", "GlobalProtect Gateway License", new(2020, 1, 13), new(2023, 3, 8)) with { AuthCode = "abc def" },
        ];

        var text = LicenseRenderer.Render(licenses, new DateOnly(2021, 5, 19), "PDT");

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_request_license_info.raw")));
    }

    [Test]
    public void ALicenceWhoseEndHasPassedIsExpired()
    {
        var text = LicenseRenderer.Render([Sub("Premium", "Premium", new(2020, 1, 13), new(2021, 5, 18))], new DateOnly(2021, 5, 19), "UTC");

        Assert.That(text, Does.Contain("Expires: May 18, 2021\nExpired?: yes\n"));
    }

    private static License Sub(string feature, string description, DateOnly issued, DateOnly? expires) =>
        new(feature, description, Serial, issued, expires) { BaseLicense = "PA-VM" };
}
