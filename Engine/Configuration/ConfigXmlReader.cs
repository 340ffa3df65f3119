using System.Xml.Linq;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// Reads a PAN-OS XML configuration (`running-config.xml`, a bootstrap file, what <c>ConfigXmlRenderer</c>
/// writes) into the single-vsys tree the CLI edits. Elements outside the schema subset are skipped and
/// counted; the device runs with what it understands.
/// </summary>
public static class ConfigXmlReader
{
    public static (ConfigElement Root, int Skipped) Read(XDocument document)
    {
        var root = DeviceConfiguration.NewRoot();
        var skipped = 0;
        var config = document.Root;
        if (config is null || config.Name.LocalName != "config")
        {
            throw new InvalidDataException("not a PAN-OS configuration: the root element is not <config>");
        }

        foreach (var top in config.Elements())
        {
            switch (top.Name.LocalName)
            {
                case "mgt-config":
                    skipped += ReadInto(root, top);
                    break;
                case "devices":
                    foreach (var device in top.Elements("entry"))
                    {
                        foreach (var part in device.Elements())
                        {
                            if (part.Name.LocalName == "vsys")
                            {
                                foreach (var vsys in part.Elements("entry").Where(v => (string?)v.Attribute("name") == "vsys1"))
                                {
                                    skipped += vsys.Elements().Sum(e => ReadInto(root, e));
                                }
                            }
                            else
                            {
                                skipped += ReadInto(root, part);
                            }
                        }
                    }

                    break;
                default:
                    skipped++;
                    break;
            }
        }

        return (root, skipped);
    }

    private static int ReadInto(ConfigElement parent, XElement element)
    {
        var schema = parent.Schema.Child(element.Name.LocalName);
        if (schema is null)
        {
            return 1;
        }

        var target = parent.GetOrAdd(schema.Name, schema, isEntry: false);
        switch (schema.Kind)
        {
            case SchemaKind.Leaf:
                target.Value = element.Value;
                return 0;
            case SchemaKind.MemberList:
                target.Members.AddRange(element.Elements("member").Select(m => m.Value).Where(m => !target.Members.Contains(m, StringComparer.Ordinal)));
                return 0;
            case SchemaKind.EntryList:
                var skipped = 0;
                foreach (var entry in element.Elements("entry"))
                {
                    if ((string?)entry.Attribute("name") is not { } name)
                    {
                        skipped++;
                        continue;
                    }

                    var item = target.GetOrAdd(name, schema, isEntry: true);
                    skipped += entry.Elements().Sum(e => ReadInto(item, e));
                }

                return skipped;
            default:
                return element.Elements().Sum(e => ReadInto(target, e));
        }
    }
}
