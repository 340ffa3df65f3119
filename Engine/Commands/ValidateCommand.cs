namespace VirtualFirewall.Engine.Commands;

/// <summary>`validate full`: check the candidate configuration as a commit would, without committing.</summary>
public sealed record ValidateCommand : Command;
