using VirtualFirewall.Emulator.Inventory.Description;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DescriptionException(path, 1, 1, "cannot read the file: " + e.Message);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new DescriptionException(path, e.Start.Line, e.Start.Column, "not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }

        if (stream.Documents.Count != 1)
        {
            throw new DescriptionException(path, 1, 1, "an inventory is exactly one YAML document");
        }

        var root = new YamlSection(path, string.Empty, stream.Documents[0].RootNode);
        root.OnlyKeys(["devices"]);
        var descriptions = new Dictionary<string, DeviceDescription>(StringComparer.Ordinal);
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
            return new InventoryEntry(name, description, (int?)s.WholeNumber("ssh-port", 0, 65535), (int?)s.WholeNumber("telnet-port", 0, 65535));
        });
        if (entries.Count == 0)
        {
            throw root.ErrorAt("devices", "devices: the inventory lists no device");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ports = new HashSet<int>();
        foreach (var entry in entries)
        {
            if (!names.Add(entry.Name))
            {
                throw root.ErrorAt("devices", $"devices: `{entry.Name}` is listed twice");
            }

            foreach (var port in new[] { entry.SshPort, entry.TelnetPort })
            {
                if (port is { } p && p > 0 && !ports.Add(p))
                {
                    throw root.ErrorAt("devices", $"devices: port {p} is used twice");
                }
            }
        }

        return entries;
    }
}
