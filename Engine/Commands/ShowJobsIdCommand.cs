namespace VirtualFirewall.Engine.Commands;

/// <summary>`show jobs id &lt;n&gt;`</summary>
public sealed record ShowJobsIdCommand(int Id) : Command;
