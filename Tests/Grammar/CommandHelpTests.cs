using Pidgin;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Tests.Grammar;

/// <summary>`?` help computed from the operational command tree.</summary>
[TestFixture]
public sealed class CommandHelpTests
{
    private static readonly CommandNode Root = CommandTree.Operational;

    // Words that satisfy every value parser of the tree, as typed and as the parser sees them.
    private static readonly (string Typed, string Text)[] SampleValues =
    [
        ("1", "1"),
        ("10.0.0.1", "10.0.0.1"),
        ("yes", "yes"),
        ("trust", "trust"),
        ("\"(app eq ssl)\"", "(app eq ssl)"),
    ];

    [Test]
    public void An_empty_line_lists_the_first_words_with_their_markers()
    {
        var rows = Rows(string.Empty);

        var expected = Root.Children.Select(c => new HelpRow(c.Children.Count > 0 ? "> " : "  ", c.Name, c.Help));
        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(rows.Single(r => r.Keyword == "show").Marker, Is.EqualTo("> "));
        Assert.That(rows.Single(r => r.Keyword == "exit").Marker, Is.EqualTo("  "));
    }

    [Test]
    public void Leading_and_repeated_whitespace_does_not_matter()
    {
        Assert.That(Listing("   show    system   "), Is.EqualTo(Listing("show system ")));
        Assert.That(Listing("show system "), Is.EqualTo("  info   Show system information\n"));
    }

    [Test]
    public void Sub_trees_get_the_submode_marker_and_terminal_keywords_none()
    {
        Assert.That(
            Listing("show session "),
            Is.EqualTo(
                "> all    Show all sessions\n" +
                "> id     Show a session by id\n" +
                "  info   Show session table settings and statistics\n"));
    }

    [Test]
    public void The_filter_option_set_lists_options_with_plus_then_pipe_and_enter()
    {
        // Same layout as the PAN-OS 4.x/5.0 capture (panos-cli-gaps.md §4.1): field 16 + 3 = 19.
        Assert.That(
            Listing("show session all filter "),
            Is.EqualTo(
                "+ application        Application name\n" +
                "+ count              Only print the number of sessions that match\n" +
                "+ destination        destination IP address\n" +
                "+ destination-port   Destination port\n" +
                "+ destination-user   Destination user\n" +
                "+ from               From zone\n" +
                "+ nat-rule           NAT rule name\n" +
                "+ pbf-rule           PBF rule name\n" +
                "+ protocol           IP protocol value\n" +
                "+ rule               Rule name\n" +
                "+ source             source IP address\n" +
                "+ source-port        Source port\n" +
                "+ source-user        Source user\n" +
                "+ start-at           Show sessions starting at this session id\n" +
                "+ state              flow state\n" +
                "+ to                 To zone\n" +
                "+ type               flow type\n" +
                "  |                  Pipe through a command\n" +
                "  <Enter>            Finish input\n"));
    }

    [Test]
    public void Options_already_used_are_not_listed_again()
    {
        var keywords = Rows("show session all filter source 10.0.0.1 from trust count yes ").Select(r => r.Keyword);

        Assert.That(
            keywords,
            Is.EqualTo(new[]
            {
                "application", "destination", "destination-port", "destination-user", "nat-rule", "pbf-rule", "protocol",
                "rule", "source-port", "source-user", "start-at", "state", "to", "type", "|", "<Enter>",
            }));
    }

    [Test]
    public void A_partial_word_after_used_options_lists_only_the_unused_matches()
    {
        Assert.That(
            Listing("show session all filter source 10.0.0.1 s"),
            Is.EqualTo(
                "+ source-port   Source port\n" +
                "+ source-user   Source user\n" +
                "+ start-at      Show sessions starting at this session id\n" +
                "+ state         flow state\n"));
    }

    [Test]
    public void After_an_option_keyword_its_value_is_described()
    {
        Assert.That(Listing("show session all filter source "), Is.EqualTo("  <value>   <ip> Source IP address\n"));
        Assert.That(Listing("show session all filter destination-port "), Is.EqualTo("  <value>   <0-65535> Destination port\n"));
        Assert.That(Listing("clear session all filter from "), Is.EqualTo("  <value>   Zone name\n"));
    }

    [Test]
    public void A_choice_lists_each_word_as_its_own_row_sorted()
    {
        Assert.That(
            Listing("show session all filter state "),
            Is.EqualTo(
                "  active    active\n" +
                "  closed    closed\n" +
                "  closing   closing\n" +
                "  discard   discard\n" +
                "  initial   initial\n" +
                "  opening   opening\n"));
        Assert.That(
            Listing("show counter global filter severity "),
            Is.EqualTo("  drop    drop\n  error   error\n  info    info\n  warn    warn\n"));
        Assert.That(Listing("show counter global filter delta "), Is.EqualTo("  no    no\n  yes   yes\n"));
    }

    [Test]
    public void An_equal_option_is_followed_by_equal_then_its_value()
    {
        Assert.That(Listing("show log traffic direction "), Is.EqualTo("  equal   equal\n"));
        Assert.That(Listing("show log traffic direction e"), Is.EqualTo("  equal   equal\n"));
        Assert.That(Listing("show log traffic direction equal "), Is.EqualTo("  backward   backward\n  forward    forward\n"));
        Assert.That(Listing("show log traffic count equal "), Is.EqualTo("  <value>   <1-5000> Number of logs\n"));
        Assert.That(Describe("show log traffic direction backward "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
    }

    [Test]
    public void Option_values_complete_the_option_and_the_set_continues()
    {
        Assert.That(
            Listing("show log traffic direction equal backward "),
            Is.EqualTo(
                "+ count          Number of logs to show\n" +
                "+ query          Filter, such as \"(addr.src in 10.0.0.0/8) and (app eq ssl)\"\n" +
                "+ show-tracker   Show the session tracker stage\n" +
                "  |              Pipe through a command\n" +
                "  <Enter>        Finish input\n"));
    }

    [Test]
    public void A_quoted_value_with_spaces_is_one_word()
    {
        var keywords = Rows("show log traffic query equal \"(app eq ssl) and (port.dst eq 443)\" ").Select(r => r.Keyword);

        Assert.That(keywords, Is.EqualTo(new[] { "count", "direction", "show-tracker", "|", "<Enter>" }));
    }

    [Test]
    public void An_unterminated_quote_is_a_value_being_typed()
    {
        Assert.That(Listing("show log traffic query equal \"(addr.src in 10"), Is.EqualTo("  <value>   Log filter expression, in double quotes\n"));
    }

    [Test]
    public void A_partial_word_lists_the_keywords_it_starts()
    {
        Assert.That(Listing("show s"), Is.EqualTo("> session   Show session information\n> system    Show system information\n"));
        Assert.That(Listing("show clock"), Is.EqualTo("  clock   Show current time on the management server\n"));
        Assert.That(Listing("show session all filter sou").Split('\n')[..3], Is.EqualTo(new[]
        {
            "+ source        source IP address",
            "+ source-port   Source port",
            "+ source-user   Source user",
        }));
    }

    [Test]
    public void Matching_is_case_sensitive()
    {
        Assert.That(Describe("show S"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("SHOW"), Is.EqualTo(new HelpFailure(Messages.UnknownCommand("SHOW"))));
    }

    [Test]
    public void A_whole_command_ends_with_pipe_and_enter()
    {
        Assert.That(Listing("show clock "), Is.EqualTo("  |         Pipe through a command\n  <Enter>   Finish input\n"));
        Assert.That(
            Listing("show session all "),
            Is.EqualTo("> filter    Show sessions that match a filter\n  |         Pipe through a command\n  <Enter>   Finish input\n"));
        Assert.That(Listing("show session id 42 "), Is.EqualTo("  |         Pipe through a command\n  <Enter>   Finish input\n"));
        Assert.That(Listing("show counter global filter delta yes severity drop "), Is.EqualTo("  |         Pipe through a command\n  <Enter>   Finish input\n"));
    }

    [Test]
    public void An_incomplete_command_has_no_pipe_or_enter()
    {
        Assert.That(Rows("show ").Select(r => r.Keyword), Has.None.EqualTo("|").And.None.EqualTo("<Enter>"));
        Assert.That(Rows("show session id ").Select(r => r.Keyword), Is.EqualTo(new[] { "<value>" }));
    }

    [Test]
    public void A_value_slot_shows_its_placeholder_and_help()
    {
        Assert.That(Listing("show session id "), Is.EqualTo("  <value>   <1-4294967295> Session id\n"));
        Assert.That(Listing("show session id 12"), Is.EqualTo("  <value>   <1-4294967295> Session id\n"));
        Assert.That(Listing("set cli terminal width "), Is.EqualTo("  <value>   <1-9999>\n"));
    }

    [Test]
    public void A_partial_value_is_kept_while_it_could_still_become_valid()
    {
        Assert.That(Listing("show session all filter source 10."), Is.EqualTo("  <value>   <ip> Source IP address\n"));
        Assert.That(Listing("show session all filter source 10.1.2"), Is.EqualTo("  <value>   <ip> Source IP address\n"));
        Assert.That(Describe("show session all filter source 10.1.2.3.4"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show session all filter source host"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show session id abc"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show session id 4294967296"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
    }

    [Test]
    public void After_a_pipe_the_stages_are_listed()
    {
        Assert.That(
            Listing("show clock | "),
            Is.EqualTo("  except   Do not show lines that match a pattern\n  match    Only show lines that match a pattern\n"));
        Assert.That(Listing("show clock | m"), Is.EqualTo("  match   Only show lines that match a pattern\n"));
        Assert.That(Listing("show clock | match "), Is.EqualTo("  <value>   Regular expression\n"));
        Assert.That(Listing("show clock | match (ab"), Is.EqualTo("  <value>   Regular expression\n"));
    }

    [Test]
    public void After_a_whole_pipe_stage_pipe_and_enter_come_again()
    {
        const string End = "  |         Pipe through a command\n  <Enter>   Finish input\n";
        Assert.That(Listing("show system info | match vsys "), Is.EqualTo(End));
        Assert.That(Listing("show system info | match \"a b\" | except c "), Is.EqualTo(End));
        Assert.That(Listing("show system info | match vsys |"), Is.EqualTo("  |   Pipe through a command\n"));
    }

    [Test]
    public void A_pipe_needs_a_whole_command_and_a_known_stage()
    {
        Assert.That(Describe("show session all filter source | "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show clock | grep "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show clock | match ( "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show clock | match x y "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("show clock | | "), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
        Assert.That(Describe("| "), Is.EqualTo(new HelpFailure(Messages.UnknownCommand("|"))));
    }

    [Test]
    public void A_quoted_bar_is_a_value_not_a_pipe()
    {
        Assert.That(Rows("show session all filter application \"|\" ").Select(r => r.Keyword), Does.Contain("<Enter>"));
        Assert.That(Listing("show session all filter application \"|"), Is.EqualTo("  <value>   Application name\n"));
        Assert.That(Describe("show session all filter application |"), Is.EqualTo(new HelpFailure(Messages.InvalidSyntax)));
    }

    [Test]
    public void A_bar_after_a_stage_keyword_is_its_pattern_as_enter_reads_it()
    {
        Assert.That(CommandLine.Parse("show clock | match |"), Is.TypeOf<ParsedCommand>());
        Assert.That(Listing("show clock | match |"), Is.EqualTo("  <value>   Regular expression\n"));
        Assert.That(Listing("show clock | match | "), Is.EqualTo("  |         Pipe through a command\n  <Enter>   Finish input\n"));
    }

    [Test]
    public void An_unknown_first_word_is_an_unknown_command()
    {
        Assert.That(Describe("foo "), Is.EqualTo(new HelpFailure("Unknown command: foo\n")));
        Assert.That(Describe("foo"), Is.EqualTo(new HelpFailure("Unknown command: foo\n")));
        Assert.That(Describe("foo bar "), Is.EqualTo(new HelpFailure("Unknown command: foo\n")));
        Assert.That(Describe("  \"fo"), Is.EqualTo(new HelpFailure("Unknown command: fo\n")));
    }

    [Test]
    public void A_bad_later_word_is_invalid_syntax()
    {
        Assert.That(Describe("show foo "), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
        Assert.That(Describe("show foo"), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
        Assert.That(Describe("show foo session "), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
        Assert.That(Describe("show clock extra "), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
        Assert.That(Describe("show session all filter source 10.0.0.1 source "), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
        Assert.That(Describe("show session all filter from trust from"), Is.EqualTo(new HelpFailure("Invalid syntax.\n")));
    }

    [Test]
    public void Every_node_of_the_operational_tree_can_be_described()
    {
        var lines = WalkLines().ToList();

        Assert.That(lines, Has.Count.GreaterThan(60));
        using (Assert.EnterMultipleScope())
        {
            foreach (var line in lines)
            {
                var outcome = Describe(line + " ");
                Assert.That(outcome, Is.TypeOf<HelpRows>(), line);
                if (outcome is HelpRows { Rows: var rows })
                {
                    Assert.That(rows, Is.Not.Empty, line);
                }
            }
        }
    }

    [Test]
    public void Every_keyword_is_listed_for_each_of_its_prefixes()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var line in WalkLines().Prepend(string.Empty))
            {
                if (Describe(line + " ") is not HelpRows listing)
                {
                    continue;
                }

                foreach (var row in listing.Rows.Where(r => !r.Keyword.StartsWith('<')))
                {
                    for (var length = 1; length <= row.Keyword.Length; length++)
                    {
                        var typed = (line.Length == 0 ? string.Empty : line + " ") + row.Keyword[..length];
                        var outcome = Describe(typed);
                        Assert.That(outcome is HelpRows { Rows: var rows } && rows.Contains(row), Is.True, typed);
                    }
                }
            }
        }
    }

    [Test]
    public void Enter_is_offered_exactly_where_the_parser_builds_a_command()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var line in WalkLines())
            {
                var offersEnter = Describe(line + " ") is HelpRows { Rows: var rows } && rows.Any(r => r.Keyword == "<Enter>");
                Assert.That(CommandLine.Parse(line) is ParsedCommand, Is.EqualTo(offersEnter), line);
                Assert.That(CommandLine.Parse(line + " | match x") is ParsedCommand, Is.EqualTo(offersEnter), line + " | match x");
            }
        }
    }

    [Test]
    public void Help_rows_render_with_the_measured_layout()
    {
        var rows = Rows("set cli pager ");

        Assert.That(HelpRenderer.Render(rows), Is.EqualTo("  off   off\n  on    on\n"));
    }

    private static HelpOutcome Describe(string typed) => CommandHelp.Describe(Root, typed);

    private static IReadOnlyList<HelpRow> Rows(string typed)
    {
        var outcome = Describe(typed);
        Assert.That(outcome, Is.TypeOf<HelpRows>(), typed);
        return ((HelpRows)outcome).Rows;
    }

    private static string Listing(string typed) => HelpRenderer.Render(Rows(typed));

    /// <summary>
    /// Lines reaching every node: each keyword, each value slot with a sample value, and in option
    /// sets each option alone (keyword, operator, value) plus one line using every option.
    /// </summary>
    private static IEnumerable<string> WalkLines()
    {
        var pending = new Stack<(CommandNode Node, string Line)>();
        pending.Push((Root, string.Empty));
        while (pending.Count > 0)
        {
            var (node, line) = pending.Pop();
            if (line.Length > 0)
            {
                yield return line;
            }

            var prefix = line.Length == 0 ? string.Empty : line + " ";
            if (node.IsOptionSet)
            {
                var all = new List<string>();
                foreach (var option in node.Children)
                {
                    var words = new List<string> { option.Name };
                    yield return prefix + string.Join(' ', words);
                    if (option.OptionOperator is { } op)
                    {
                        words.Add(op);
                        yield return prefix + string.Join(' ', words);
                    }

                    words.Add(option.Choices.Count > 0 ? option.Choices[0] : Sample(option.OptionValue!));
                    yield return prefix + string.Join(' ', words);
                    all.AddRange(words);
                }

                yield return prefix + string.Join(' ', all);
                continue;
            }

            foreach (var child in node.Children.Reverse())
            {
                pending.Push((child, prefix + (child.IsValue ? Sample(child.Value!) : child.Name)));
            }
        }
    }

    private static string Sample(Parser<char, object> parser) =>
        SampleValues.First(v => parser.Parse(v.Text).Success).Typed;
}
