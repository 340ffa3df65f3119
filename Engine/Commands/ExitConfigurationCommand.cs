namespace VirtualFirewall.Engine.Commands;

/// <summary>
/// `exit` or `quit` in configuration mode: `exit` climbs one level of the edit path first, and leaves
/// configuration mode at the top; `quit` leaves from anywhere.
/// </summary>
public sealed record ExitConfigurationCommand(bool Quit = false) : Command;
