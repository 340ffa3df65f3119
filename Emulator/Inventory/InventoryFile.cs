using VirtualFirewall.Emulator.Inventory.Description;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>
/// An inventory file (`--inventory`): the devices one process serves, each with its own description
/// (a file relative to the inventory, or the embedded default) and ports. Errors name file, line and column.
/// <code>
/// devices:
///   - name: fw-branch-1          # the hostname
///     description: branch.yaml   # optional: the embedded default
///     ssh-port: 2222
///     telnet-port: 3222          # optional: no Telnet
/// </code>
/// </summary>
public static class InventoryFile
{
    public static IReadOnlyList<string> DeviceKeys { get; } = ["name", "description", "ssh-port", "telnet-port"];

    public static IReadOnlyList<InventoryEntry> Read(string path)
    {
        var root = YamlSection.LoadFile(path, "an inventory");
        root.OnlyKeys(["devices"]);
        var descriptions = new Dictionary<string, DeviceDescription>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ports = new HashSet<int>();
        var entries = root.Sections("devices", s =>
        {
            s.OnlyKeys(DeviceKeys);
            var name = s.RequiredString("name");
            var description = DefaultDevice.Description;
            if (s.Text("description") is { } file)
            {
                var resolved = DeviceDescriptionReader.ResolvePath(path, file);
                if (!descriptions.TryGetValue(resolved, out description))
                {
                    description = File.Exists(resolved) ? DeviceDescriptionReader.ReadFile(resolved) : throw s.ErrorAt("description", $"{s.Path}.description: `{resolved}` does not exist");
                    descriptions[resolved] = description;
                }
            }

            description = description with { Identity = description.Identity with { Hostname = name } };
            var entry = new InventoryEntry(name, description, (int?)s.WholeNumber("ssh-port", 0, 65535), (int?)s.WholeNumber("telnet-port", 0, 65535));
            if (!names.Add(name))
            {
                throw s.ErrorAt("name", $"{s.Path}.name: `{name}` is listed twice");
            }

            foreach (var (key, port) in new[] { ("ssh-port", entry.SshPort), ("telnet-port", entry.TelnetPort) })
            {
                if (port is { } p && p > 0 && !ports.Add(p))
                {
                    throw s.ErrorAt(key, $"{s.Path}.{key}: port {p} is used twice");
                }
            }

            return entry;
        });
        if (entries.Count == 0)
        {
            throw root.ErrorAt("devices", "devices: the inventory lists no device");
        }

        return entries;
    }
}
