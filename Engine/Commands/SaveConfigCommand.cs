namespace VirtualFirewall.Engine.Commands;

/// <summary>`save config to &lt;file&gt;`: the candidate configuration as an XML file.</summary>
public sealed record SaveConfigCommand(string FileName) : Command;
