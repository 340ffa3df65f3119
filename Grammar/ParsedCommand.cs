using VirtualFirewall.Engine.Commands;

namespace VirtualFirewall.Grammar;

public sealed record ParsedCommand(Command Command) : ParseOutcome;
