using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Tests.Grammar;

/// <summary>
/// The listing layout, checked byte for byte against every verbatim help listing in the reference:
/// each sample is rebuilt from rows and must render to the captured lines exactly.
/// </summary>
[TestFixture]
public sealed class HelpRendererTests
{
    /// <summary>panos-cli-gaps.md §4.1: `show session all filter` ? on PAN-OS 4.x/5.0.</summary>
    [Test]
    public void Gap41_op_mode_filter_listing_with_option_markers()
    {
        HelpRow[] rows =
        [
            new("+ ", "application", "Application name"),
            new("+ ", "destination", "destination IP address"),
            new("+ ", "destination-port", "Destination port"),
            new("+ ", "destination-user", "Destination user"),
            new("+ ", "from", "From zone"),
            new("+ ", "nat", "If session is NAT"),
            new("+ ", "nat-rule", "NAT rule name"),
            new("+ ", "protocol", "IP protocol value"),
            new("+ ", "proxy", "session is decrypted"),
            new("+ ", "rule", "Rule name"),
            new("+ ", "source", "source IP address"),
            new("+ ", "source-port", "Source port"),
            new("+ ", "source-user", "Source user"),
            new("+ ", "state", "flow state"),
            new("+ ", "to", "To zone"),
            new("+ ", "type", "flow type"),
            new("  ", "|", "Pipe through a command"),
        ];

        var expected =
            "+ application        Application name\n" +
            "+ destination        destination IP address\n" +
            "+ destination-port   Destination port\n" +
            "+ destination-user   Destination user\n" +
            "+ from               From zone\n" +
            "+ nat                If session is NAT\n" +
            "+ nat-rule           NAT rule name\n" +
            "+ protocol           IP protocol value\n" +
            "+ proxy              session is decrypted\n" +
            "+ rule               Rule name\n" +
            "+ source             source IP address\n" +
            "+ source-port        Source port\n" +
            "+ source-user        Source user\n" +
            "+ state              flow state\n" +
            "+ to                 To zone\n" +
            "+ type               flow type\n" +
            "  |                  Pipe through a command\n";

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo(expected));
    }

    /// <summary>panos-cli-reference.md §2.7: configure-mode `show predefined` ?.</summary>
    [Test]
    public void Section27_show_predefined_listing_ends_with_pipe_and_enter()
    {
        HelpRow[] rows =
        [
            new("  ", "application", "application"),
            new("  ", "application-container", "application-container"),
            new("  ", "application-filter", "application-filter"),
            new("  ", "application-group", "application-group"),
            new("  ", "application-type", "application-type"),
            new("  ", "default-security-rules", "default-security-rules"),
            new("  ", "private-application", "private-application"),
            new("  ", "profile-group", "profile-group"),
            new("  ", "profiles", "profiles"),
            new("  ", "region", "region"),
            new("  ", "reports", "reports"),
            new("  ", "service", "service"),
            new("  ", "service-group", "service-group"),
            new("  ", "sig-default", "sig-default"),
            new("  ", "signature", "signature"),
            new("  ", "threats", "threats"),
            new("  ", "url-categories", "url-categories"),
            new("  ", "user-id-collector", "user-id-collector"),
            new("  ", "|", "Pipe through a command"),
            new("  ", "<Enter>", "Finish input"),
        ];

        var expected =
            "  application              application\n" +
            "  application-container    application-container\n" +
            "  application-filter       application-filter\n" +
            "  application-group        application-group\n" +
            "  application-type         application-type\n" +
            "  default-security-rules   default-security-rules\n" +
            "  private-application      private-application\n" +
            "  profile-group            profile-group\n" +
            "  profiles                 profiles\n" +
            "  region                   region\n" +
            "  reports                  reports\n" +
            "  service                  service\n" +
            "  service-group            service-group\n" +
            "  sig-default              sig-default\n" +
            "  signature                signature\n" +
            "  threats                  threats\n" +
            "  url-categories           url-categories\n" +
            "  user-id-collector        user-id-collector\n" +
            "  |                        Pipe through a command\n" +
            "  <Enter>                  Finish input\n";

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo(expected));
    }

    /// <summary>panos-cli-reference.md §2.5/§2.7: `set cli config-output-format` ?, field 7 + 3 = 10.</summary>
    [Test]
    public void Section25_config_output_format_choices_use_a_field_of_ten()
    {
        HelpRow[] rows =
        [
            new("  ", "default", "default"),
            new("  ", "json", "json"),
            new("  ", "set", "set"),
            new("  ", "xml", "xml"),
        ];

        var expected =
            "  default   default\n" +
            "  json      json\n" +
            "  set       set\n" +
            "  xml       xml\n";

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo(expected));
    }

    /// <summary>panos-cli-gaps.md §4.3: PAN-OS 8.1 TAB after `show config saved`, field 25 + 3 = 28.</summary>
    [Test]
    public void Gap43_tab_listing_ends_with_the_value_row()
    {
        HelpRow[] rows =
        [
            new("  ", "POC9627_5250_68_v11", "2019/11/30 16:23:02    39450.2K"),
            new("  ", "POC9627_5250_68_v12", "2019/11/30 16:30:02    42741.9K"),
            new("  ", "POC9627_5250_68_v13", "2019/11/30 16:37:50    46033.6K"),
            new("  ", "POC9627_5250_68_v14", "2019/11/30 16:41:56    49325.3K"),
            new("  ", "POC9627_5250_68_v15", "2019/11/30 16:56:01    52617.0K"),
            new("  ", "POC9627_5250_68_v16", "2019/11/30 17:00:00    55908.8K"),
            new("  ", "POC9627_5250_68_v17", "2019/11/30 17:05:20    59200.4K"),
            new("  ", "POC9627_5250_68_v18", "2019/11/30 17:10:18    62492.1K"),
            new("  ", "POC9627_5250_68_v19", "2019/11/30 17:16:27    65780.9K"),
            new("  ", "autosave-8.1-20191113.xml", "2019/11/13 13:19:24       13.9K"),
            new("  ", "candidate-config", "candidate-config"),
            new("  ", "config-6688", "2019/12/09 14:20:28     3172.1K"),
            new("  ", "config-6794", "2019/12/09 14:48:11     3172.1K"),
            new("  ", "running-config.xml", "2019/12/09 15:43:54     3172.1K"),
            new("  ", "<value>", "Saved configuration"),
        ];

        var expected =
            "  POC9627_5250_68_v11         2019/11/30 16:23:02    39450.2K\n" +
            "  POC9627_5250_68_v12         2019/11/30 16:30:02    42741.9K\n" +
            "  POC9627_5250_68_v13         2019/11/30 16:37:50    46033.6K\n" +
            "  POC9627_5250_68_v14         2019/11/30 16:41:56    49325.3K\n" +
            "  POC9627_5250_68_v15         2019/11/30 16:56:01    52617.0K\n" +
            "  POC9627_5250_68_v16         2019/11/30 17:00:00    55908.8K\n" +
            "  POC9627_5250_68_v17         2019/11/30 17:05:20    59200.4K\n" +
            "  POC9627_5250_68_v18         2019/11/30 17:10:18    62492.1K\n" +
            "  POC9627_5250_68_v19         2019/11/30 17:16:27    65780.9K\n" +
            "  autosave-8.1-20191113.xml   2019/11/13 13:19:24       13.9K\n" +
            "  candidate-config            candidate-config\n" +
            "  config-6688                 2019/12/09 14:20:28     3172.1K\n" +
            "  config-6794                 2019/12/09 14:48:11     3172.1K\n" +
            "  running-config.xml          2019/12/09 15:43:54     3172.1K\n" +
            "  <value>                     Saved configuration\n";

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo(expected));
    }
    [Test]
    public void An_empty_listing_renders_nothing()
    {
        Assert.That(HelpRenderer.Render([]), Is.Empty);
    }

    [Test]
    public void The_field_follows_the_longest_keyword_of_this_listing_only()
    {
        HelpRow[] rows = [new("> ", "a", "first"), new("  ", "abcd", "second"), new("+ ", "ab", string.Empty)];

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo("> a      first\n  abcd   second\n+ ab     \n"));
    }

    [TestCase("")]
    [TestCase(">")]
    [TestCase(">  ")]
    public void A_marker_is_exactly_two_characters(string marker)
    {
        Assert.That(() => new HelpRow(marker, "show", "Show operational information"), Throws.ArgumentException);
    }

    [Test]
    public void Marker_constants_are_the_four_documented_slots()
    {
        Assert.That(
            new[] { HelpRow.SubtreeMarker, HelpRow.OptionMarker, HelpRow.RequiredMarker, HelpRow.NoMarker },
            Is.EqualTo(new[] { "> ", "+ ", "* ", "  " }));
    }
}
