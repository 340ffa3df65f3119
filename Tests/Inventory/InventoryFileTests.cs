using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Recording;

namespace VirtualFirewall.Tests.Inventory;

/// <summary>Inventory files (`--inventory`): each device with its own description and ports, and the errors for bad ones.</summary>
[TestFixture]
public sealed class InventoryFileTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("vf-inventory-");

    [TearDown]
    public void RemoveFolder() => _folder.Delete(recursive: true);

    [Test]
    public void Each_device_gets_its_description_its_name_and_its_ports()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "branch.yaml"), "identity:\n  sw-version: 11.1.2\ntraffic:\n  profile: none\n");
        var path = Write("devices:\n  - name: fw-hq\n    ssh-port: 2222\n    telnet-port: 3222\n  - name: fw-branch-1\n    description: branch.yaml\n    ssh-port: 2223\n");

        var entries = InventoryFile.Read(path);

        Assert.That(entries.Select(e => (e.Name, e.Description.Identity.Hostname, e.SshPort, e.TelnetPort)), Is.EqualTo(new[] { ("fw-hq", "fw-hq", (int?)2222, (int?)3222), ("fw-branch-1", "fw-branch-1", 2223, null) }));
        Assert.That(entries[0].Description.Traffic.Profile, Is.EqualTo("default"));
        Assert.That((entries[1].Description.Identity.SwVersion, entries[1].Description.Traffic.Profile), Is.EqualTo(("11.1.2", "none")));
    }

    [TestCase("devices:\n  - name: a\n    ssh-port: 2222\n  - name: a\n    ssh-port: 2223\n", ":4:11: devices[1].name: `a` is listed twice")]
    [TestCase("devices:\n  - name: a\n    ssh-port: 2222\n  - name: b\n    ssh-port: 2222\n", ":5:15: devices[1].ssh-port: port 2222 is used twice")]
    [TestCase("devices:\n  - name: a\n    description: nowhere.yaml\n", ":3:18: devices[0].description: `{folder}/nowhere.yaml` does not exist")]
    [TestCase("devices:\n  - name: a\n    colour: red\n", ":3:5: unknown key `colour` in devices[0]; expected one of: name, description, ssh-port, telnet-port")]
    [TestCase("devices: []\n", ":1:10: devices: the inventory lists no device")]
    [TestCase("devices:\n  - name: a\n---\ndevices: []\n", ":1:1: an inventory is exactly one YAML document")]
    public void A_bad_inventory_is_refused_with_file_line_and_column(string yaml, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<DescriptionException>(() => InventoryFile.Read(path))!;

        Assert.That(error.Message, Is.EqualTo(path + expected.Replace("{folder}", _folder.FullName, StringComparison.Ordinal)));
    }

    [Test]
    public void Transcript_check_reports_a_transcript_whose_description_is_broken()
    {
        var description = Path.Combine(_folder.FullName, "broken.yaml");
        File.WriteAllText(description, "identity:\n  colour: red\n");
        var transcript = Path.Combine(_folder.FullName, "t.txt");
        File.WriteAllText(transcript, $"device: {description}\nboot: 2026-11-27T08:00:00Z\nclock: 2026-11-27T09:00:00Z\nuser: admin\nfrom: 192.0.2.10\nterminal: 80x24\n---\n");
        var output = new StringWriter();

        Assert.That(TranscriptChecker.Check([transcript], output), Is.EqualTo(1));
        Assert.That(output.ToString(), Is.EqualTo($"FAIL {transcript}\n{description}:2:3: unknown key `colour` in identity; expected one of: hostname, model, serial, sw-version, ha-state, ip-address, netmask, default-gateway, mac-address, timezone\n"));
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder.FullName, "inventory.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
