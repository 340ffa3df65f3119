using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering.Configuration;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Engine.Configuration;

[TestFixture]
public sealed class ConfigurationTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_set_format_rebuilds_the_configuration_it_was_printed_from()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var original = device.Configuration.Running;
        var lines = ConfigSetRenderer.Render(original, []).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var rebuilt = DeviceConfiguration.NewRoot();
        foreach (var line in lines)
        {
            Assert.That(line, Does.StartWith("set "));
            var parsed = CommandLine.Parse(line, CliMode.Configuration);
            Assert.That(parsed, Is.TypeOf<ParsedCommand>(), line);
            var set = (VirtualFirewall.Engine.Commands.ConfigSetCommand)((ParsedCommand)parsed).Command;
            DeviceConfiguration.Set(rebuilt, set.Path, set.Assignments);
        }

        Assert.That(lines, Has.Length.GreaterThan(40));
        Assert.That(ConfigBraceRenderer.RenderChildren(rebuilt), Is.EqualTo(ConfigBraceRenderer.RenderChildren(original)));
        Assert.That(rebuilt.SameAs(original), Is.True);
    }

    [Test]
    public void Brace_format_follows_the_device_sample()
    {
        var root = Build(
            "set zone z4 network layer3 [ ethernet1/4 ethernet1/5 ]",
            "set zone z1 network layer3 ethernet1/1",
            "set zone empty",
            "set address a1 description \"two words\"");

        Assert.That(ConfigBraceRenderer.RenderChildren(root), Is.EqualTo(
            "zone {\n" +
            "  z4 {\n" +
            "    network {\n" +
            "      layer3 [ ethernet1/4 ethernet1/5];\n" +
            "    }\n" +
            "  }\n" +
            "  z1 {\n" +
            "    network {\n" +
            "      layer3 ethernet1/1;\n" +
            "    }\n" +
            "  }\n" +
            "  empty;\n" +
            "}\n" +
            "address {\n" +
            "  a1 {\n" +
            "    description \"two words\";\n" +
            "  }\n" +
            "}\n"));
    }

    [Test]
    public void Xml_format_uses_entries_and_members()
    {
        var root = Build("set address-group g static [ a1 a2 ]", "set address a1 ip-netmask 10.0.0.1/32");

        Assert.That(ConfigXmlRenderer.Render(FullConfiguration.Of(root)), Is.EqualTo(
            "<config>\n" +
            "  <devices>\n" +
            "    <entry name=\"localhost.localdomain\">\n" +
            "      <vsys>\n" +
            "        <entry name=\"vsys1\">\n" +
            "          <address-group>\n" +
            "            <entry name=\"g\">\n" +
            "              <static>\n" +
            "                <member>a1</member>\n" +
            "                <member>a2</member>\n" +
            "              </static>\n" +
            "            </entry>\n" +
            "          </address-group>\n" +
            "          <address>\n" +
            "            <entry name=\"a1\">\n" +
            "              <ip-netmask>10.0.0.1/32</ip-netmask>\n" +
            "            </entry>\n" +
            "          </address>\n" +
            "        </entry>\n" +
            "      </vsys>\n" +
            "    </entry>\n" +
            "  </devices>\n" +
            "</config>\n"));
    }

    [TestCase("set address a ip-netmask 10.0.0.256", "10.0.0.256 is not a valid IPv4/v6 ip address or network (e.g. 10.1.1.1/24 )\n\nInvalid syntax.\n")]
    [TestCase("set address a ip-range 192.168.1.100-192.168.1.80", "192.168.1.100-192.168.1.80 is not a valid IPv4/v6 ip address range (e.g. 10.1.1.1-10.1.1.9 )\n\nInvalid syntax.\n")]
    [TestCase("set rulebase security rules r action permit", "Invalid syntax.\n")]
    [TestCase("set address", "Invalid syntax.\n")]
    [TestCase("set deviceconfig system hostname", "Invalid syntax.\n")]
    [TestCase("set rulebase security rules r from [ trust", "Invalid syntax.\n")]
    [TestCase("edit address a ip-netmask", "Invalid syntax.\n")]
    [TestCase("\"show\" nonsense", "Invalid syntax.\n")]
    public void Bad_values_print_the_reason_and_invalid_syntax(string line, string message)
    {
        Assert.That(CommandLine.Parse(line, CliMode.Configuration), Is.EqualTo(new ParseFailure(message)));
    }

    [Test]
    public void A_quoted_verb_is_the_verb()
    {
        Assert.That(CommandLine.Parse("\"set\" zone lab", CliMode.Configuration), Is.TypeOf<ParsedCommand>().With.Property("Command").TypeOf<VirtualFirewall.Engine.Commands.ConfigSetCommand>());
    }

    [Test]
    public void Member_lists_gain_members_and_delete_removes_only_the_named_ones()
    {
        var root = Build(
            "set rulebase security rules r from trust",
            "set rulebase security rules r from [ dmz vpn ]",
            "set rulebase security rules r from trust");
        var delete = (VirtualFirewall.Engine.Commands.ConfigDeleteCommand)((ParsedCommand)CommandLine.Parse("delete rulebase security rules r from dmz", CliMode.Configuration)).Command;
        DeviceConfiguration.Delete(root, delete.Path, delete.Members);

        Assert.That(ConfigSetRenderer.Render(root, []), Is.EqualTo("set rulebase security rules r from [ trust vpn ]\n"));
    }

    [Test]
    public void Commit_changes_the_prompt_and_a_failed_validation_changes_nothing()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");
        Run(device, session, "set deviceconfig system hostname edge-1");
        Assert.That(device.Prompt(session), Is.EqualTo("admin@PA-VM# "));

        var committed = Run(device, session, "commit");

        Assert.That(committed, Does.EndWith("Configuration committed successfully\n"));
        Assert.That(device.Prompt(session), Is.EqualTo("admin@edge-1# "));

        Run(device, session, "set deviceconfig system hostname edge-2 ");
        Run(device, session, "set rulebase security rules r from nowhere");
        var failed = Run(device, session, "commit");

        Assert.That(failed, Does.Contain("Validation Error:\n rulebase -> security -> rules -> r -> from 'nowhere' is not a valid reference\n"));
        Assert.That(failed, Does.EndWith("Commit failed\n"));
        Assert.That(device.Prompt(session), Is.EqualTo("admin@edge-1# "));
        Assert.That(device.Configuration.HasChanges, Is.True);
        Run(device, session, "revert config");
        Assert.That(device.Configuration.HasChanges, Is.False);
        Assert.That(Run(device, session, "commit"), Is.EqualTo("There are no changes to commit.\n"));
    }

    [Test]
    public void A_password_set_in_configuration_mode_logs_in_only_after_commit()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");
        device.Execute(new VirtualFirewall.Engine.Commands.SetUserPasswordCommand("ops", "Ops-Pass-1", "Ops-Pass-1"), session);

        Assert.That(device.Users.VerifyPassword("ops", "Ops-Pass-1"), Is.False);
        Assert.That(ConfigBraceRenderer.Render(device.Configuration.Candidate.Child("mgt-config")!), Does.Contain("ops {\n      phash $1$").And.Not.Contain("Ops-Pass-1"));

        Run(device, session, "commit");

        Assert.That(device.Users.VerifyPassword("ops", "Ops-Pass-1"), Is.True);
    }

    [Test]
    public void Edit_up_and_top_move_the_context_line()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");

        Run(device, session, "edit rulebase security rules allow-dns");
        Assert.That(session.EditPath, Is.EqualTo(new[] { "rulebase", "security", "rules", "allow-dns" }));
        Assert.That(Run(device, session, "show action"), Is.EqualTo("action allow;\n"));
        Run(device, session, "up");
        Assert.That(session.EditPath, Is.EqualTo(new[] { "rulebase", "security" }));
        Run(device, session, "top");
        Assert.That(session.EditPath, Is.Empty);
    }

    [Test]
    public void Move_reorders_rules_and_rename_keeps_the_place()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");

        Assert.That(Run(device, session, "move rulebase security rules allow-trust-to-vpn top"), Is.Empty);
        Assert.That(Run(device, session, "move rulebase security rules deny-p2p after allow-ntp"), Is.Empty);
        Assert.That(Run(device, session, "move rulebase security rules allow-dns before allow-trust-to-dmz"), Is.Empty);
        Assert.That(Run(device, session, "rename rulebase security rules allow-ntp to allow-time"), Is.Empty);
        Assert.That(Run(device, session, "rename rulebase security rules allow-time to deny-p2p"), Is.EqualTo("Invalid syntax.\n"));
        Assert.That(Run(device, session, "move rulebase security rules nothing top"), Is.EqualTo("Invalid syntax.\n"));
        Assert.That(Run(device, session, "move rulebase security rules allow-dns sideways"), Is.EqualTo("Invalid syntax.\n"));
        Assert.That(Run(device, session, "move rulebase security rules allow-dns before"), Is.EqualTo("Invalid syntax.\n"));
        Assert.That(Run(device, session, "move rulebase security rules allow-dns after"), Is.EqualTo("Invalid syntax.\n"));

        var rules = device.Configuration.Candidate.Child("rulebase")!.Child("security")!.Child("rules")!.Children.Select(r => r.Name);
        Assert.That(rules, Is.EqualTo(new[]
        {
            "allow-trust-to-vpn", "allow-time", "deny-p2p", "allow-trust-to-untrust", "allow-dns", "allow-trust-to-dmz", "deny-untrust", "allow-untrust-to-dmz-web",
        }));
    }

    [Test]
    public void Validate_full_and_a_failed_commit_leave_failed_jobs()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");
        Assert.That(Run(device, session, "validate full"), Is.EqualTo("Validate job enqueued with jobid 2\n"));
        Run(device, session, "set rulebase security rules r to nowhere");

        Assert.That(Run(device, session, "validate full"), Is.EqualTo("Validate job enqueued with jobid 3\n"));
        Assert.That(Run(device, session, "commit"), Does.Contain("Commit job 4 is in progress"));

        Assert.That(device.Jobs.All.Select(j => (j.Id, j.Type, j.Result)), Is.EqualTo(new[] { (1, "AutoCom", "OK"), (2, "Validate", "OK"), (3, "Validate", "FAIL"), (4, "Commit", "FAIL") }));
        Assert.That(device.Jobs.Find(4)!.Details, Is.EqualTo(new[] { "rulebase -> security -> rules -> r -> to 'nowhere' is not a valid reference", "rulebase -> security -> rules -> r -> to is invalid" }));
    }

    private static string Run(Device device, CliSession session, string line)
    {
        var parsed = CommandLine.Parse(line, session.Mode, session.EditPath);
        return parsed switch
        {
            ParsedCommand command => device.Execute(command.Command, session).Output,
            ParseFailure failure => failure.Message,
            _ => string.Empty,
        };
    }

    private static ConfigElement Build(params string[] lines)
    {
        var root = DeviceConfiguration.NewRoot();
        foreach (var line in lines)
        {
            var set = (VirtualFirewall.Engine.Commands.ConfigSetCommand)((ParsedCommand)CommandLine.Parse(line, CliMode.Configuration)).Command;
            DeviceConfiguration.Set(root, set.Path, set.Assignments);
        }

        return root;
    }
}
