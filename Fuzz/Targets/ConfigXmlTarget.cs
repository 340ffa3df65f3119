using System.Xml;
using System.Xml.Linq;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering.Configuration;
using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// An XML configuration as `load config from` and `--state-dir` read it: not XML and not a PAN-OS
/// configuration are the expected rejections. What is read must render in every format, and the XML it
/// renders to must read back to the same configuration (what `save config to` writes, `load` takes).
/// </summary>
public sealed class ConfigXmlTarget : IFuzzTarget
{
    public string Name => "config-xml";

    public void Run(ReadOnlySpan<byte> input)
    {
        ConfigElement root;
        try
        {
            (root, _) = ConfigXmlReader.Read(XDocument.Parse(FuzzText.Decode(input)));
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            return;
        }

        var full = FullConfiguration.Of(root);
        var braces = ConfigBraceRenderer.Render(full);
        ConfigSetRenderer.Render(full, []);
        ConfigJsonRenderer.Render(full);
        var xml = ConfigXmlRenderer.Render(full);

        var (again, _) = ConfigXmlReader.Read(XDocument.Parse(xml));
        if (!string.Equals(ConfigBraceRenderer.Render(FullConfiguration.Of(again)), braces, StringComparison.Ordinal))
        {
            throw new InvariantViolationException("the rendered XML reads back to another configuration");
        }
    }
}
