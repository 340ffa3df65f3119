namespace VirtualFirewall.Engine.Commands;

/// <summary>`load config from &lt;file&gt;`: a saved XML configuration becomes the candidate.</summary>
public sealed record LoadConfigCommand(string FileName) : Command;
