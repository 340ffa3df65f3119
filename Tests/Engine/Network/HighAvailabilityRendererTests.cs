using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class HighAvailabilityRendererTests
{
    /// <summary>paloalto_panos_show_high-availability_all.raw (PA-5020, 6.1.10), every byte.</summary>
    [Test]
    public void AllMatchesTheSample()
    {
        var versions = new HaVersionView("6.1.10", "4773", "580-3287", "1858-2337", "580-3287", "Not Installed", "Not Installed");
        var view = new HighAvailabilityView(
            1,
            "Active-Passive",
            new HaMemberView("active", "45 days", "PA-5020", "10.10.186.197/24", string.Empty, 50, true, versions),
            new HaMemberView("passive", "45 days", "PA-5020", "10.10.186.198/24", string.Empty, 100, true, versions),
            new HaLinkView("10.1.1.1/30", "00:90:0b:33:3d:53", "dedicated-ha1", "Up", "1Gb/s-full"),
            new HaLinkView("10.2.2.1/30", "58:49:3b:1e:69:16", "dedicated-ha2", "Up", "1Gb/s-full"),
            new HaLinkView("10.1.1.2", "00:90:0b:33:44:53", string.Empty, string.Empty, string.Empty),
            new HaLinkView("10.2.2.2", "58:49:3b:1e:55:16", string.Empty, string.Empty, string.Empty))
        {
            MonitoredInterfaces = [.. Enumerable.Range(1, 8).Select(i => KeyValuePair.Create($"ethernet1/{i}", "up"))],
        };

        Assert.That(HighAvailabilityRenderer.All(view), Is.EqualTo(Read("paloalto_panos_show_high-availability_all.raw")));
    }

    /// <summary>`show high-availability state` of the passive unit in panos-cli-reference.md §13 (python fixture of real output).</summary>
    [Test]
    public void StateMatchesThePassiveUnitSample()
    {
        const string expected = """
            Group 2:
              Mode: Active-Passive
              Local Information:
                Version: 1
                Mode: Active-Passive
                State: passive (last 19 days)
                Device Information:
                  Management IPv4 Address: 1.2.3.2/24
                  Management IPv6 Address:
                  Jumbo-Frames enabled; MTU 1500
                HA1 Control Links Joint Configuration:
                  Encryption Enabled: no
                Election Option Information:
                  Priority: 1
                  Preemptive: no
                Version Compatibility:
                  Software Version: Match
                  Application Content Compatibility: Match
                  Anti-Virus Compatibility: Match
                  Threat Content Compatibility: Match
                  VPN Client Software Compatibility: Match
                  Global Protect Client Software Compatibility: Match
                State Synchronization: Complete; type: ethernet
              Peer Information:
                Connection status: up
                Version: 1
                Mode: Active-Passive
                State: active (last 19 days)
                Device Information:
                  Management IPv4 Address: 1.2.3.1/24
                  Management IPv6 Address:
                  Jumbo-Frames enabled; MTU 1500
                  Connection up; Primary HA1 link
                  Keep-alive config off; status up; Primary HA2 Link
                    Monitor Hold inactive; Allow settling after failure
                Election Option Information:
                  Priority: 100
                  Preemptive: no
              Configuration Synchronization:
                Enabled: yes
                Running Configuration: synchronized

            """;
        var versions = new HaVersionView("9.1.0", "0", "0", "0", "0", "Not Installed", "Not Installed");
        var link = new HaLinkView(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var view = new HighAvailabilityView(
            2,
            "Active-Passive",
            new HaMemberView("passive", "19 days", "PA-VM", "1.2.3.2/24", string.Empty, 1, false, versions),
            new HaMemberView("active", "19 days", "PA-VM", "1.2.3.1/24", string.Empty, 100, false, versions),
            link,
            link,
            link,
            link)
        {
            JumboFrames = true,
        };

        Assert.That(HighAvailabilityRenderer.State(view), Is.EqualTo(expected.ReplaceLineEndings("\n")));
    }

    [Test]
    public void StandaloneFirewallSaysHaIsNotEnabled() =>
        Assert.That(HighAvailabilityRenderer.NotEnabled, Is.EqualTo("\nHA not enabled\n"));
}
