namespace VirtualFirewall.Engine.Commands;

/// <summary>`request license info`</summary>
public sealed record RequestLicenseInfoCommand : Command;
