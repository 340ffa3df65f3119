using System.Text;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Grammar;

[TestFixture]
public sealed class CommandLineTests
{
    private const string InvalidSyntax = "Invalid syntax.\n";

    private static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return new TestCaseData("exit", new ExitCommand()).SetArgDisplayNames("exit");
        yield return new TestCaseData("quit", new ExitCommand()).SetArgDisplayNames("quit");
        yield return new TestCaseData("show clock", new ShowClockCommand()).SetArgDisplayNames("show clock");
        yield return new TestCaseData("show admins", new ShowAdminsCommand()).SetArgDisplayNames("show admins");
        yield return new TestCaseData("show system info", new ShowSystemInfoCommand()).SetArgDisplayNames("show system info");
        yield return new TestCaseData("set cli pager on", new SetCliPagerCommand(true)).SetArgDisplayNames("pager on");
        yield return new TestCaseData("set cli pager off", new SetCliPagerCommand(false)).SetArgDisplayNames("pager off");
        yield return new TestCaseData("set cli scripting-mode on", new SetCliScriptingModeCommand(true)).SetArgDisplayNames("scripting-mode on");
        yield return new TestCaseData("set cli scripting-mode off", new SetCliScriptingModeCommand(false)).SetArgDisplayNames("scripting-mode off");
        yield return new TestCaseData("set cli terminal width 500", new SetCliTerminalWidthCommand(500)).SetArgDisplayNames("width 500");
        yield return new TestCaseData("set cli terminal width 999", new SetCliTerminalWidthCommand(999)).SetArgDisplayNames("width 999");
        yield return new TestCaseData("set cli terminal width 1", new SetCliTerminalWidthCommand(1)).SetArgDisplayNames("width 1");
        yield return new TestCaseData("set cli terminal width 9999", new SetCliTerminalWidthCommand(9999)).SetArgDisplayNames("width 9999");
        yield return new TestCaseData("set cli terminal width 0080", new SetCliTerminalWidthCommand(80)).SetArgDisplayNames("width 0080");
        yield return new TestCaseData("set cli terminal height 24", new SetCliTerminalHeightCommand(24)).SetArgDisplayNames("height 24");
        yield return new TestCaseData("set cli terminal height 1", new SetCliTerminalHeightCommand(1)).SetArgDisplayNames("height 1");
        yield return new TestCaseData("set cli terminal height 9999", new SetCliTerminalHeightCommand(9999)).SetArgDisplayNames("height 9999");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Every_command_parses_to_its_record(string line, Command expected)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParsedCommand(expected)));
    }

    [TestCase("  show   clock  ")]
    [TestCase("\tshow\tclock\t")]
    [TestCase(" \t show \t\t clock \t ")]
    [TestCase("show clock\r")]
    [TestCase("show \"clock\"")]
    [TestCase("\"show\" \"clock\"")]
    [TestCase("  \"show\"\t\"clock\"  ")]
    public void Whitespace_and_quotes_around_words_do_not_matter(string line)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParsedCommand(new ShowClockCommand())));
    }

    [Test]
    public void Extra_whitespace_inside_a_valued_command_keeps_the_value()
    {
        Assert.That(
            CommandLine.Parse("   set\t cli  terminal\t\twidth   500   "),
            Is.EqualTo(new ParsedCommand(new SetCliTerminalWidthCommand(500))));
    }

    [Test]
    public void A_quoted_value_is_parsed_like_a_bare_one()
    {
        Assert.That(
            CommandLine.Parse("set cli terminal height \"42\""),
            Is.EqualTo(new ParsedCommand(new SetCliTerminalHeightCommand(42))));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("     ")]
    [TestCase("\t")]
    [TestCase(" \t \t ")]
    [TestCase("\r")]
    public void Blank_lines_are_empty(string line)
    {
        Assert.That(CommandLine.Parse(line), Is.SameAs(EmptyLine.Instance));
    }

    [TestCase("terminal length 0", "terminal")]
    [TestCase("foo", "foo")]
    [TestCase("  foo bar baz", "foo")]
    [TestCase("\tfoo\tshow clock", "foo")]
    [TestCase("SHOW clock", "SHOW")]
    [TestCase("Show clock", "Show")]
    [TestCase("EXIT", "EXIT")]
    [TestCase("sh clock", "sh")]
    [TestCase("sho clock", "sho")]
    [TestCase("s", "s")]
    [TestCase("ex", "ex")]
    [TestCase("commit", "commit")]
    [TestCase("show-clock", "show-clock")]
    [TestCase("clock", "clock")]
    [TestCase("cli pager off", "cli")]
    [TestCase("\"terminal\" length 0", "terminal")]
    [TestCase("\"show clock\"", "show clock")]
    public void Unknown_first_word_is_named_alone(string line, string word)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParseFailure("Unknown command: " + word + "\n")));
    }

    [TestCase("show")]
    [TestCase("show ")]
    [TestCase("show system")]
    [TestCase("show foo")]
    [TestCase("show Clock")]
    [TestCase("show clock now")]
    [TestCase("show clock clock")]
    [TestCase("show system info now")]
    [TestCase("show system foo")]
    [TestCase("show info")]
    [TestCase("exit now")]
    [TestCase("quit 0")]
    [TestCase("set")]
    [TestCase("set cli")]
    [TestCase("set cli pager")]
    [TestCase("set cli pager yes")]
    [TestCase("set cli pager ON")]
    [TestCase("set cli pager on off")]
    [TestCase("set cli scripting-mode")]
    [TestCase("set cli scripting-mode enable")]
    [TestCase("set cli terminal")]
    [TestCase("set cli terminal width")]
    [TestCase("set cli terminal height")]
    [TestCase("set cli terminal length 0")]
    [TestCase("set cli terminal width 0")]
    [TestCase("set cli terminal width 10000")]
    [TestCase("set cli terminal width -1")]
    [TestCase("set cli terminal width +5")]
    [TestCase("set cli terminal width 5.0")]
    [TestCase("set cli terminal width 1e3")]
    [TestCase("set cli terminal width 0x10")]
    [TestCase("set cli terminal width 500x")]
    [TestCase("set cli terminal width \" 500\"")]
    [TestCase("set cli terminal width \"\"")]
    [TestCase("set cli terminal width 2147483647")]
    [TestCase("set cli terminal width 2147483648")]
    [TestCase("set cli terminal width 99999999999999999999")]
    [TestCase("set cli terminal width \u0665\u0660\u0660")] // Arabic-Indic digits 500
    [TestCase("set cli terminal width 500 500")]
    [TestCase("set cli terminal height 0")]
    [TestCase("set cli terminal height 10000")]
    [TestCase("set cli terminal height -24")]
    [TestCase("set show clock")]
    [TestCase("show set cli pager off")]
    public void Valid_first_word_then_bad_missing_or_extra_word_is_invalid_syntax(string line)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParseFailure(InvalidSyntax)));
    }

    [TestCase("show \"clock")]
    [TestCase("show \"")]
    [TestCase("  show \"clock now")]
    [TestCase("set cli terminal width \"500")]
    [TestCase("exit \"")]
    public void Unterminated_quote_after_a_known_first_word_is_invalid_syntax(string line)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParseFailure(InvalidSyntax)));
    }

    [TestCase("\"show", "\"show")]
    [TestCase("\"show clock", "\"show")]
    [TestCase("  \"", "\"")]
    [TestCase("foo \"bar", "foo")]
    [TestCase("terminal \"length 0", "terminal")]
    public void Unterminated_quote_after_an_unknown_first_word_names_it(string line, string word)
    {
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParseFailure("Unknown command: " + word + "\n")));
    }

    [Test]
    public void A_100_kilobyte_line_is_rejected_without_throwing()
    {
        var words = new StringBuilder("show");
        while (words.Length < 100 * 1024)
        {
            words.Append(" clock");
        }

        var unknown = new string('x', 100 * 1024);
        var quoted = "show \"" + new string('y', 100 * 1024);
        var blank = new string(' ', 100 * 1024);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CommandLine.Parse(words.ToString()), Is.EqualTo(new ParseFailure(InvalidSyntax)));
            Assert.That(CommandLine.Parse(unknown), Is.EqualTo(new ParseFailure("Unknown command: " + unknown + "\n")));
            Assert.That(CommandLine.Parse(quoted), Is.EqualTo(new ParseFailure(InvalidSyntax)));
            Assert.That(CommandLine.Parse(blank), Is.SameAs(EmptyLine.Instance));
            Assert.That(
                CommandLine.Parse("set cli terminal width " + new string('9', 100 * 1024)),
                Is.EqualTo(new ParseFailure(InvalidSyntax)));
        }
    }

    [Test]
    public void Random_printable_garbage_never_throws([Range(0, 199)] int seed)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\"'-+.,;:?!<>|&*()[]{}\\/~`@#$%^=_é€";
        string[] words = ["show", "set", "cli", "terminal", "width", "height", "pager", "on", "off", "clock", "system", "info", "\"", "500", "exit"];
        var random = new Random(seed);
        var line = new StringBuilder();
        var length = random.Next(0, 400);
        while (line.Length < length)
        {
            if (random.Next(3) == 0)
            {
                line.Append(words[random.Next(words.Length)]).Append(' ');
            }
            else
            {
                line.Append(alphabet[random.Next(alphabet.Length)]);
            }
        }

        var text = line.ToString();
        ParseOutcome? outcome = null;

        Assert.That(() => outcome = CommandLine.Parse(text), Throws.Nothing, text);
        Assert.That(outcome, Is.Not.Null);
        if (outcome is ParseFailure failure)
        {
            Assert.That(
                failure.Message,
                Is.EqualTo(InvalidSyntax).Or.StartsWith("Unknown command: ").And.EndsWith("\n"),
                text);
        }
    }
}
