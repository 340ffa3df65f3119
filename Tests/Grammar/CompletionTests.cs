using System.Text;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Tests.Grammar;

/// <summary>Tab completion computed from the operational command tree.</summary>
[TestFixture]
public sealed class CompletionTests
{
    private static readonly CommandNode Root = CommandTree.Operational;

    [TestCase("sh", "ow ")]
    [TestCase("show", " ")]
    [TestCase("show cl", "ock ")]
    [TestCase("show session a", "ll ")]
    [TestCase("show session all f", "ilter ")]
    [TestCase("  show   sys", "tem ")]
    [TestCase("show session all filter destination-p", "ort ")]
    [TestCase("show session all filter state op", "ening ")]
    [TestCase("show log traffic direction e", "qual ")]
    [TestCase("show log traffic direction equal b", "ackward ")]
    [TestCase("show log traffic sh", "ow-tracker ")]
    [TestCase("show clock | m", "atch ")]
    [TestCase("show clock | match x | e", "xcept ")]
    [TestCase("show clock |", " ")]
    [TestCase("set cli s", "cripting-mode ")]
    public void A_unique_keyword_is_completed_with_a_space(string typed, string inserted)
    {
        Assert.That(Complete(typed), Is.EqualTo(new Insert(inserted)));
    }

    [TestCase("show session all filter sou", "rce")]
    [TestCase("show session all filter dest", "ination")]
    public void Several_keywords_complete_to_their_longest_common_prefix(string typed, string inserted)
    {
        Assert.That(Complete(typed), Is.EqualTo(new Insert(inserted)));
    }

    [Test]
    public void Ambiguous_keywords_without_a_longer_common_prefix_are_listed()
    {
        Assert.That(Listing("show s"), Is.EqualTo("> session   Show session information\n> system    Show system information\n"));
        Assert.That(
            Listing("show session all filter source"),
            Is.EqualTo("+ source        source IP address\n+ source-port   Source port\n+ source-user   Source user\n"));
        Assert.That(Listing("set cli pager o"), Is.EqualTo("  off   off\n  on    on\n"));
        Assert.That(
            Listing("show session all filter destination"),
            Is.EqualTo("+ destination        destination IP address\n+ destination-port   Destination port\n+ destination-user   Destination user\n"));
    }

    [Test]
    public void Used_options_are_not_completed_again()
    {
        Assert.That(Complete("show session all filter source 10.0.0.1 sou"), Is.EqualTo(new Insert("rce-")));
        Assert.That(Complete("show session all filter source 10.0.0.1 source"), Is.EqualTo(new Insert("-")));
        Assert.That(Complete("show counter global filter delta yes s"), Is.EqualTo(new Insert("everity ")));
        Assert.That(Complete("show counter global filter delta yes d"), Is.EqualTo(NoMatch.Instance));
    }

    [Test]
    public void After_whitespace_everything_that_may_follow_is_listed()
    {
        Assert.That(Listing("show session "), Is.EqualTo(HelpRenderer.Render(HelpRows("show session "))));
        Assert.That(Listing("show clock "), Is.EqualTo("  |         Pipe through a command\n  <Enter>   Finish input\n"));
        Assert.That(Listing("show system "), Is.EqualTo("  info   Show system information\n"));
    }

    [Test]
    public void Where_only_a_value_can_follow_the_value_row_is_listed()
    {
        // Like the PAN-OS 8.1 TAB listing that ends with `<value>` (panos-cli-gaps.md §4.3).
        Assert.That(Listing("show session id "), Is.EqualTo("  <value>   <1-4294967295> Session id\n"));
        Assert.That(Listing("show session id 12"), Is.EqualTo("  <value>   <1-4294967295> Session id\n"));
        Assert.That(Listing("show session all filter source 10.1"), Is.EqualTo("  <value>   <ip> Source IP address\n"));
        Assert.That(Listing("show clock | match "), Is.EqualTo("  <value>   Regular expression\n"));
    }

    [Test]
    public void Choices_are_completed_like_keywords()
    {
        Assert.That(Listing("show counter global filter severity "), Is.EqualTo("  drop    drop\n  error   error\n  info    info\n  warn    warn\n"));
        Assert.That(Complete("show counter global filter severity w"), Is.EqualTo(new Insert("arn ")));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_partial_at_the_root_lists_the_first_words(string typed)
    {
        var outcome = Complete(typed);

        Assert.That(outcome, Is.TypeOf<Candidates>());
        Assert.That(((Candidates)outcome).Rows.Select(r => r.Keyword), Is.EqualTo(Root.Children.Select(c => c.Name)));
    }

    [TestCase("x")]
    [TestCase("foo ")]
    [TestCase("show x")]
    [TestCase("show foo ")]
    [TestCase("show clock x")]
    [TestCase("show session id x")]
    [TestCase("show session id 0x1")]
    [TestCase("show clock | g")]
    [TestCase("show clock | grep ")]
    [TestCase("show session all filter source | ")]
    [TestCase("show log traffic direction equal sideways")]
    [TestCase("| ")]
    [TestCase("|")]
    [TestCase("show <")]
    [TestCase("show clock <")]
    public void Nothing_to_complete_is_no_match(string typed)
    {
        Assert.That(Complete(typed), Is.EqualTo(NoMatch.Instance));
    }

    [Test]
    public void A_quoted_partial_word_is_listed_not_completed()
    {
        Assert.That(Listing("show \"cl"), Is.EqualTo("  clock   Show current time on the management server\n"));
        Assert.That(Listing("show log traffic query equal \"(app eq"), Is.EqualTo("  <value>   Log filter expression, in double quotes\n"));
        Assert.That(Listing("show clock | match \"a|"), Is.EqualTo("  <value>   Regular expression\n"));
    }

    [Test]
    public void A_whole_command_followed_by_a_quoted_word_is_no_match()
    {
        Assert.That(Complete("show clock \"x\" "), Is.EqualTo(NoMatch.Instance));
    }

    [Test]
    public void Odd_input_never_throws()
    {
        string[] prefixes =
        [
            string.Empty, "show ", "show session all filter ", "show log traffic query equal ", "show clock | match ",
            "show clock | ", "set cli terminal width ", "show session id ",
        ];
        string[] odd =
        [
            "\"", "\"\"", "\" \"", "|", "| |", "||", "\"|\"", "?", "\t", "\r\n", "\0", "\u00a0", "é", "日本語", "🔥",
            "\ud800", "(", "[", "\\", "*", "a\"b", "\"a\"b\"", new string('a', 100_000), new string('"', 1001),
            string.Concat(Enumerable.Repeat("show ", 5000)), string.Concat(Enumerable.Repeat("| ", 5000)),
        ];
        var random = new Random(20240601);
        var alphabet = "ab |\"\\ ()*.0123456789-=é\t".ToCharArray();
        var inputs = new List<string>(odd);
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            inputs.Add(text.ToString());
        }

        using (Assert.EnterMultipleScope())
        {
            foreach (var prefix in prefixes)
            {
                foreach (var input in inputs)
                {
                    var typed = prefix + input;
                    Assert.That(() => CommandHelp.Describe(Root, typed), Throws.Nothing, typed);
                    Assert.That(() => CommandHelp.Complete(Root, typed), Throws.Nothing, typed);
                }
            }
        }
    }

    private static CompletionOutcome Complete(string typed) => CommandHelp.Complete(Root, typed);

    private static string Listing(string typed)
    {
        var outcome = Complete(typed);
        Assert.That(outcome, Is.TypeOf<Candidates>(), typed);
        return HelpRenderer.Render(((Candidates)outcome).Rows);
    }

    private static IReadOnlyList<HelpRow> HelpRows(string typed) =>
        ((HelpRows)CommandHelp.Describe(Root, typed)).Rows;
}
