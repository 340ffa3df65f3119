using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Fuzz.Support;
using VirtualFirewall.Grammar;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// Command lines, one per input line: parsed in operational mode and in configuration mode (at the top
/// and at an edit level), and described (`?`) and completed (Tab) in both command trees. The grammar
/// reports bad input as failure values, so nothing here may throw.
/// </summary>
public sealed class GrammarTarget : IFuzzTarget
{
    private const int MaxLines = 16;
    private static readonly IReadOnlyList<string> EditLevel = ["rulebase", "security", "rules", "allow-web"];

    public string Name => "grammar";

    public void Run(ReadOnlySpan<byte> input)
    {
        foreach (var line in FuzzText.Decode(input).Split('\n').Take(MaxLines))
        {
            CommandLine.Parse(line, CliMode.Operational);
            CommandLine.Parse(line, CliMode.Configuration);
            CommandLine.Parse(line, CliMode.Configuration, EditLevel);
            foreach (var mode in new[] { CliMode.Operational, CliMode.Configuration })
            {
                var root = CommandLine.RootFor(mode);
                if (CommandHelp.Describe(root, line) is HelpRows help)
                {
                    HelpRenderer.Render(help.Rows);
                }

                if (CommandHelp.Complete(root, line) is Candidates candidates)
                {
                    HelpRenderer.Render(candidates.Rows);
                }
            }
        }
    }
}
