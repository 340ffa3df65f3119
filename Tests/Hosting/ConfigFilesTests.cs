using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Persistence;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>`save config to` and `load config from` in the state directory, and loading a real device's XML.</summary>
[TestFixture]
public sealed class ConfigFilesTests
{
    private DirectoryInfo _state = null!;
    private Device _device = null!;
    private CliSession _session = null!;

    [SetUp]
    public void Start()
    {
        _state = Directory.CreateTempSubdirectory("vf-files-");
        _device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        new RunningConfigFile(_state.FullName).Attach(_device);
        (_session, _) = _device.Login("admin", "192.0.2.1", "CLI");
        Run("configure");
    }

    [TearDown]
    public void Stop() => _state.Delete(recursive: true);

    [Test]
    public void A_saved_configuration_loads_back_as_the_candidate()
    {
        Run("set address lab-host ip-netmask 10.7.7.7");
        Assert.That(Run("save config to lab.xml"), Is.EqualTo("Config saved to lab.xml\n"));
        Run("delete address lab-host");
        Run("set deviceconfig system hostname other");

        Assert.That(Run("load config from lab.xml"), Is.EqualTo("Config loaded from lab.xml\n"));

        Assert.That(Run("show address lab-host"), Is.EqualTo("lab-host {\n  ip-netmask 10.7.7.7;\n}\n"));
        Assert.That(Run("show deviceconfig system hostname"), Is.EqualTo("hostname PA-VM;\n"));
    }

    [TestCase("load config from nothing.xml", "Server error : nothing.xml does not exist\n")]
    [TestCase("load config from ../etc/passwd", "Invalid syntax.\n")]
    [TestCase("save config to running-config.xml", "Server error : running-config.xml is not a file name that can be written\n")]
    public void Bad_file_names_are_refused(string line, string message)
    {
        Assert.That(Run(line), Is.EqualTo(message));
    }

    [Test]
    public void A_real_bootstrap_configuration_loads_and_commits()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "Tests", "Reference", "configs", "L100-automation-lab_bootstrap_10.1.3.xml");
        File.Copy(sample, Path.Combine(_state.FullName, "bootstrap.xml"));

        Assert.That(Run("load config from bootstrap.xml"), Is.EqualTo("Config loaded from bootstrap.xml\n"));
        Assert.That(Run("show zone"), Does.Contain("outside {").And.Contain("inside {"));
        Assert.That(Run("show rulebase security rules"), Does.Contain("\"outbound rule\" {"));
    }

    private string Run(string line) => CommandLine.Parse(line, _session.Mode, _session.EditPath) switch
    {
        ParsedCommand command => _device.Execute(command.Command, _session).Output,
        ParseFailure failure => failure.Message,
        _ => string.Empty,
    };
}
