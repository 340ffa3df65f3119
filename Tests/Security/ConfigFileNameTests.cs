using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Persistence;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Security;

/// <summary>
/// `save config to` and `load config from` reach the state directory and nothing else: no path,
/// no parent, no hidden file, whether the name comes through the CLI or straight to the file layer.
/// </summary>
[TestFixture]
public sealed class ConfigFileNameTests
{
    private static readonly string[] Escapes =
    [
        "../escape.xml", "..", ".", "/tmp/escape.xml", "sub/escape.xml", "..\\escape.xml", "C:\\escape.xml",
        ".hidden.xml", "~/escape.xml", "escape.xml\0", "with space.xml", "", new string('a', 256),
    ];

    private DirectoryInfo _root = null!;
    private string _state = null!;

    [SetUp]
    public void Start()
    {
        _root = Directory.CreateTempSubdirectory("vf-names-");
        _state = Path.Combine(_root.FullName, "state");
        Directory.CreateDirectory(_state);
        File.WriteAllText(Path.Combine(_root.FullName, "outside.xml"), "<config/>");
    }

    [TearDown]
    public void Stop() => _root.Delete(recursive: true);

    [TestCaseSource(nameof(Escapes))]
    public void The_file_layer_writes_and_reads_plain_names_only(string name)
    {
        var files = new RunningConfigFile(_state);

        Assert.That(files.Write(name, "<config/>"), Is.Not.Null, "the write is refused");
        Assert.That(files.Read(name), Is.Null, "the read finds nothing");
        Assert.That(files.Read("../outside.xml"), Is.Null);
        Assert.That(Directory.GetFileSystemEntries(_root.FullName, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(new[] { "state", "outside.xml" }));
    }

    [TestCase("save config to ../escape.xml")]
    [TestCase("save config to /tmp/escape.xml")]
    [TestCase("save config to sub/escape.xml")]
    [TestCase("save config to .hidden.xml")]
    [TestCase("save config to \"../escape.xml\"")]
    [TestCase("load config from ../outside.xml")]
    [TestCase("load config from /etc/passwd")]
    [TestCase("load config from \"../outside.xml\"")]
    [TestCase("load config from .")]
    public void The_cli_refuses_names_outside_the_state_directory(string line)
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        new RunningConfigFile(_state).Attach(device);
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Run(device, session, "configure");

        var output = Run(device, session, line);

        Assert.That(output, Does.StartWith("Invalid syntax.").Or.StartWith("Server error :").Or.StartWith("Unknown command:"), output);
        Assert.That(Directory.GetFileSystemEntries(_root.FullName, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(new[] { "state", "outside.xml" }));
        Assert.That(Run(device, session, "show deviceconfig system hostname"), Is.EqualTo("hostname PA-VM;\n"), "the candidate is untouched");
    }

    private static string Run(Device device, CliSession session, string line) => CommandLine.Parse(line, session.Mode, session.EditPath) switch
    {
        ParsedCommand command => device.Execute(command.Command, session).Output,
        ParseFailure failure => failure.Message,
        _ => string.Empty,
    };
}
