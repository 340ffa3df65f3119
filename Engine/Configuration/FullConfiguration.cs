namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The whole configuration as `show config running` prints it: `mgt-config` at the top, device
/// settings under `devices localhost.localdomain`, policy and objects under `vsys vsys1`
/// (the layout of reference/configs/bootstrap-samples/*.xml and netutils-brace-set/panos_full_brace.txt).
/// </summary>
public static class FullConfiguration
{
    private static readonly SchemaNode ConfigNode = new("config", SchemaKind.Container, "Configuration");
    private static readonly SchemaNode Devices = new("devices", SchemaKind.EntryList, "Devices");
    private static readonly SchemaNode Vsys = new("vsys", SchemaKind.EntryList, "Virtual systems");

    public static ConfigElement Of(ConfigElement cliView)
    {
        var config = new ConfigElement("config", ConfigNode);
        foreach (var top in cliView.Children)
        {
            var parent = config;
            var place = ConfigSchema.FullPath(top.Name);
            for (var i = 0; i < place.Count; i += 2)
            {
                var schema = string.Equals(place[i], "vsys", StringComparison.Ordinal) ? Vsys : Devices;
                parent = parent.GetOrAdd(place[i], schema, isEntry: false).GetOrAdd(place[i + 1], schema, isEntry: true);
            }

            parent.Children.Add(top.Clone());
        }

        return config;
    }
}
