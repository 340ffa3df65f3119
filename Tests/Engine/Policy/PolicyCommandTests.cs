using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Engine.Policy;

[TestFixture]
public sealed class PolicyCommandTests
{
    private Device _device = null!;
    private CliSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        _device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)));
        (_session, _) = _device.Login("admin", "192.0.2.1", "CLI");
    }

    [TestCase("test security-policy-match from trust to untrust destination 198.51.100.9 protocol 6")]
    [TestCase("test security-policy-match from trust to untrust source 10.1.1.20 protocol 6")]
    [TestCase("test security-policy-match source 10.1.1.20 destination 198.51.100.9")]
    [TestCase("test security-policy-match")]
    public void A_lookup_without_source_destination_or_protocol_is_invalid_syntax(string line) =>
        Assert.That(Run(line), Is.EqualTo("Invalid syntax.\n"));

    [Test]
    public void Without_zones_only_a_configured_rule_can_answer()
    {
        Assert.That(Run("test security-policy-match source 10.1.1.20 destination 198.51.100.9 protocol 6 destination-port 443 application ssl"), Does.StartWith("\"allow-trust-to-untrust; index: 4\" {\n"));
        Assert.That(Run("test security-policy-match source 192.0.2.1 destination 192.0.2.2 protocol 6 destination-port 443"), Is.Empty);
    }

    [Test]
    public void Bad_option_values_and_repeated_options_are_invalid_syntax()
    {
        Assert.That(CommandLine.Parse("test security-policy-match source 10.1.1.300 destination 198.51.100.9 protocol 6", CliMode.Operational), Is.EqualTo(new ParseFailure("Invalid syntax.\n")));
        Assert.That(CommandLine.Parse("test security-policy-match protocol 6 protocol 17", CliMode.Operational), Is.EqualTo(new ParseFailure("Invalid syntax.\n")));
    }

    [Test]
    public void The_running_policy_changes_only_at_commit()
    {
        var before = Run("show running security-policy");
        Configure("set rulebase security rules \"block guests\" from trust to untrust source any destination any application any service any action drop", "move rulebase security rules \"block guests\" top");

        Assert.That(Run("show running security-policy"), Is.EqualTo(before));

        Configure("commit");
        var after = Run("show running security-policy");

        Assert.That(after, Does.StartWith("\"block guests\" {\n        from trust;\n"));
        Assert.That(after, Does.EndWith(before));
        Assert.That(Run("show running nat-policy"), Does.StartWith("trust-to-untrust-snat {\n        nat-type ipv4;\n"));
        Assert.That(Run("test security-policy-match from trust to untrust source 10.1.1.20 destination 198.51.100.9 protocol 17 destination-port 53 application dns"), Does.StartWith("\"block guests; index: 1\" {\n"));
    }

    private void Configure(params string[] lines)
    {
        Run("configure");
        foreach (var line in lines)
        {
            Run(line);
        }

        Run("exit");
    }

    private string Run(string line)
    {
        var parsed = CommandLine.Parse(line, _session.Mode, _session.EditPath);
        return parsed switch
        {
            ParsedCommand command => _device.Execute(command.Command, _session).Output,
            ParseFailure failure => failure.Message,
            _ => string.Empty,
        };
    }
}
