using System.Globalization;
using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Tests.Grammar;

[TestFixture]
public sealed class CommandTreeTests
{
    private static readonly CommandNode Root = CommandTree.Operational;

    [Test]
    public void Root_is_an_unnamed_keyword_that_builds_nothing()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Root.Name, Is.Empty);
            Assert.That(Root.Help, Is.Empty);
            Assert.That(Root.IsValue, Is.False);
            Assert.That(Root.Build, Is.Null);
            Assert.That(Root.Children.Select(c => c.Name), Is.EqualTo(new[] { "clear", "configure", "exit", "quit", "request", "set", "show", "test" }));
        }
    }

    [Test]
    public void Tree_has_the_expected_shape()
    {
        string[] expected =
        [
            "clear",
            "clear session",
            "clear session all",
            "clear session all filter",
            "clear session id",
            "clear session id <value>",
            "configure",
            "exit",
            "quit",
            "request",
            "request license",
            "request license info",
            "set",
            "set cli",
            "set cli config-output-format",
            "set cli config-output-format default",
            "set cli config-output-format json",
            "set cli config-output-format set",
            "set cli config-output-format xml",
            "set cli pager",
            "set cli pager off",
            "set cli pager on",
            "set cli scripting-mode",
            "set cli scripting-mode off",
            "set cli scripting-mode on",
            "set cli terminal",
            "set cli terminal height",
            "set cli terminal height <value>",
            "set cli terminal width",
            "set cli terminal width <value>",
            "show",
            "show admins",
            "show arp",
            "show arp all",
            "show clock",
            "show config",
            "show config candidate",
            "show config diff",
            "show config running",
            "show counter",
            "show counter global",
            "show counter global filter",
            "show high-availability",
            "show high-availability all",
            "show high-availability state",
            "show interface",
            "show interface all",
            "show interface hardware",
            "show interface logical",
            "show interface management",
            "show jobs",
            "show jobs all",
            "show jobs id",
            "show jobs id <value>",
            "show lldp",
            "show lldp neighbors",
            "show lldp neighbors all",
            "show log",
            "show log traffic",
            "show mac",
            "show mac all",
            "show routing",
            "show routing route",
            "show running",
            "show running nat-policy",
            "show running security-policy",
            "show session",
            "show session all",
            "show session all filter",
            "show session id",
            "show session id <value>",
            "show session info",
            "show system",
            "show system info",
            "test",
            "test security-policy-match",
        ];

        Assert.That(Paths().Select(p => p.Path), Is.EqualTo(expected));
    }

    [Test]
    public void Every_leaf_builds_a_command()
    {
        var leaves = Paths().Where(p => p.Node.Children.Count == 0).ToList();

        Assert.That(leaves, Has.Count.EqualTo(37));
        Assert.That(leaves.Where(p => p.Node.Build is null).Select(p => p.Path), Is.Empty);
    }

    [Test]
    public void Inner_nodes_build_only_where_a_shorter_command_is_complete()
    {
        var building = Paths().Where(p => p.Node.Children.Count > 0 && p.Node.Build is not null).Select(p => p.Path);

        Assert.That(building, Is.EqualTo(new[] { "clear session all", "clear session all filter", "show counter global", "show counter global filter", "show log traffic", "show session all", "show session all filter", "test security-policy-match" }));
    }

    [Test]
    public void Option_sets_hold_only_options_in_order()
    {
        foreach (var (path, node) in Paths().Where(p => p.Node.IsOptionSet))
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(node.Children, Is.Not.Empty, path);
                Assert.That(node.Children.Where(c => c.OptionValue is null || c.Children.Count > 0).Select(c => c.Name), Is.Empty, path);
                Assert.That(node.Children.Select(c => c.Name), Is.EqualTo(node.Children.Select(c => c.Name).Order(StringComparer.Ordinal)), path);
                Assert.That(node.Children.Select(c => c.Name), Is.Unique, path);
            }
        }
    }

    [Test]
    public void Sibling_names_are_unique()
    {
        foreach (var (path, node) in Paths().Prepend((string.Empty, Root)))
        {
            var names = node.Children.Select(c => c.Name).ToList();
            Assert.That(names, Is.Unique, $"children of '{path}'");
        }
    }

    [Test]
    public void Siblings_are_in_ordinal_order()
    {
        foreach (var (path, node) in Paths().Prepend((string.Empty, Root)))
        {
            var names = node.Children.Select(c => c.Name).ToList();
            Assert.That(names, Is.EqualTo(names.Order(StringComparer.Ordinal)), $"children of '{path}'");
        }
    }

    [Test]
    public void Every_node_below_the_root_has_help_text()
    {
        var missing = Paths().Where(p => string.IsNullOrWhiteSpace(p.Node.Help)).Select(p => p.Path);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Help_texts_have_no_surrounding_whitespace_or_line_breaks()
    {
        var bad = Paths()
            .Where(p => p.Node.Help.Trim().Length != p.Node.Help.Length || p.Node.Help.Contains('\n', StringComparison.Ordinal))
            .Select(p => p.Path);

        Assert.That(bad, Is.Empty);
    }

    [Test]
    public void Keyword_names_are_lowercase_words_that_the_tokenizer_keeps_whole()
    {
        var keywords = Paths().Where(p => !p.Node.IsValue).Select(p => p.Node.Name).ToList();

        Assert.That(keywords, Has.Count.EqualTo(71));
        Assert.That(keywords, Has.All.Match("^[a-z][a-z-]*[a-z]$"));
    }

    [Test]
    public void Value_slots_are_named_in_angle_brackets_and_have_no_children()
    {
        var slots = Paths().Where(p => p.Node.IsValue).ToList();

        Assert.That(slots.Select(p => p.Path), Is.EqualTo(new[] { "clear session id <value>", "set cli terminal height <value>", "set cli terminal width <value>", "show jobs id <value>", "show session id <value>" }));
        foreach (var (path, node) in slots)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(node.Name, Does.Match("^<[a-z-]+>$"), path);
                Assert.That(node.Children, Is.Empty, path);
                Assert.That(node.Help, Does.StartWith("<1-"), path);
            }
        }
    }

    [Test]
    public void At_most_one_value_slot_among_siblings()
    {
        foreach (var (path, node) in Paths().Prepend((string.Empty, Root)))
        {
            Assert.That(node.Children.Count(c => c.IsValue), Is.LessThanOrEqualTo(1), $"children of '{path}'");
        }
    }

    [Test]
    public void No_node_is_shared_between_parents()
    {
        var nodes = Paths().Select(p => p.Node).Prepend(Root).ToList();

        Assert.That(nodes.Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(nodes.Count));
    }

    [Test]
    public void Terminal_size_bounds_are_the_documented_ones()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CommandTree.MinTerminalSize, Is.EqualTo(1));
            Assert.That(CommandTree.MaxTerminalSize, Is.EqualTo(9999));
        }
    }

    [Test]
    public void Value_slots_accept_exactly_the_bounds()
    {
        var slots = Paths().Where(p => p.Node.IsValue && p.Path.StartsWith("set cli terminal", StringComparison.Ordinal)).ToList();
        Assert.That(slots, Has.Count.EqualTo(2));

        foreach (var (path, node) in slots)
        {
            var parser = node.Value!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(parser.Parse("1").Value, Is.EqualTo(1), path);
                Assert.That(parser.Parse("9999").Value, Is.EqualTo(9999), path);
                Assert.That(parser.Parse("0").Success, Is.False, path);
                Assert.That(parser.Parse("10000").Success, Is.False, path);
                Assert.That(parser.Parse(string.Empty).Success, Is.False, path);
                Assert.That(parser.Parse("12a").Success, Is.False, path);
            }
        }
    }

    [Test]
    public void Every_buildable_path_parses_back_to_the_command_its_node_builds()
    {
        var buildable = Paths().Where(p => p.Node.Build is not null).ToList();
        Assert.That(buildable, Has.Count.EqualTo(45));

        foreach (var (path, node) in buildable)
        {
            var sample = CommandTree.MaxTerminalSize.ToString(CultureInfo.InvariantCulture);
            var line = path.Replace("<value>", sample, StringComparison.Ordinal);
            var values = node.IsValue ? new List<object> { node.Value!.Parse(sample).Value } : [];
            var expected = node.Build!(values);

            Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParsedCommand(expected)), line);
        }
    }

    [Test]
    public void Every_inner_path_is_incomplete_and_gives_invalid_syntax()
    {
        var inner = Paths().Where(p => p.Node.Build is null).ToList();
        Assert.That(inner, Has.Count.EqualTo(31));

        foreach (var (path, _) in inner)
        {
            Assert.That(CommandLine.Parse(path), Is.EqualTo(new ParseFailure("Invalid syntax.\n")), path);
        }
    }

    [Test]
    public void Accept_prefers_an_exact_keyword_and_is_case_sensitive()
    {
        var show = Root.Accept(new("show", 0, Quoted: false), out var showValue);
        var upper = Root.Accept(new("Show", 0, Quoted: false), out _);
        var width = Root.Children.Single(c => c.Name == "set").Children.Single().Children.Single(c => c.Name == "terminal")
            .Children.Single(c => c.Name == "width");
        var slot = width.Accept(new("80", 0, Quoted: true), out var slotValue);
        var rejected = width.Accept(new("80px", 0, Quoted: false), out var rejectedValue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(show, Is.SameAs(Root.Children.Single(c => c.Name == "show")));
            Assert.That(showValue, Is.Null);
            Assert.That(upper, Is.Null);
            Assert.That(slot, Is.SameAs(width.Children.Single()));
            Assert.That(slotValue, Is.EqualTo(80));
            Assert.That(rejected, Is.Null);
            Assert.That(rejectedValue, Is.Null);
        }
    }

    [Test]
    public void Builders_produce_the_expected_records()
    {
        var built = Paths()
            .Where(p => p.Node.Build is not null)
            .ToDictionary(p => p.Path, p => p.Node.Build!(p.Node.IsValue ? [p.Node.Value!.Parse("7").Value] : []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(built["exit"], Is.EqualTo(new ExitCommand()));
            Assert.That(built["quit"], Is.EqualTo(new ExitCommand()));
            Assert.That(built["set cli pager off"], Is.EqualTo(new SetCliPagerCommand(false)));
            Assert.That(built["set cli pager on"], Is.EqualTo(new SetCliPagerCommand(true)));
            Assert.That(built["set cli scripting-mode off"], Is.EqualTo(new SetCliScriptingModeCommand(false)));
            Assert.That(built["set cli scripting-mode on"], Is.EqualTo(new SetCliScriptingModeCommand(true)));
            Assert.That(built["set cli terminal height <value>"], Is.EqualTo(new SetCliTerminalHeightCommand(7)));
            Assert.That(built["set cli terminal width <value>"], Is.EqualTo(new SetCliTerminalWidthCommand(7)));
            Assert.That(built["show admins"], Is.EqualTo(new ShowAdminsCommand()));
            Assert.That(built["show clock"], Is.EqualTo(new ShowClockCommand()));
            Assert.That(built["show system info"], Is.EqualTo(new ShowSystemInfoCommand()));
            Assert.That(built["show session id <value>"], Is.EqualTo(new ShowSessionIdCommand(7)));
            Assert.That(built["show session all"], Is.EqualTo(new ShowSessionAllCommand(VirtualFirewall.Engine.Sessions.SessionFilter.All)));
            Assert.That(built["show session info"], Is.EqualTo(new ShowSessionInfoCommand()));
            Assert.That(built["clear session id <value>"], Is.EqualTo(new ClearSessionIdCommand(7)));
            Assert.That(built["clear session all"], Is.EqualTo(new ClearSessionAllCommand(VirtualFirewall.Engine.Sessions.SessionFilter.All)));
            Assert.That(built["request license info"], Is.EqualTo(new RequestLicenseInfoCommand()));
            Assert.That(built["show arp all"], Is.EqualTo(new ShowArpAllCommand()));
            Assert.That(built["show high-availability all"], Is.EqualTo(new ShowHighAvailabilityAllCommand()));
            Assert.That(built["show high-availability state"], Is.EqualTo(new ShowHighAvailabilityStateCommand()));
            Assert.That(built["show interface all"], Is.EqualTo(new ShowInterfaceAllCommand()));
            Assert.That(built["show interface hardware"], Is.EqualTo(new ShowInterfaceHardwareCommand()));
            Assert.That(built["show interface logical"], Is.EqualTo(new ShowInterfaceLogicalCommand()));
            Assert.That(built["show interface management"], Is.EqualTo(new ShowInterfaceManagementCommand()));
            Assert.That(built["show jobs all"], Is.EqualTo(new ShowJobsAllCommand()));
            Assert.That(built["show jobs id <value>"], Is.EqualTo(new ShowJobsIdCommand(7)));
            Assert.That(built["show lldp neighbors all"], Is.EqualTo(new ShowLldpNeighborsAllCommand()));
            Assert.That(built["show mac all"], Is.EqualTo(new ShowMacAllCommand()));
            Assert.That(built["show routing route"], Is.EqualTo(new ShowRoutingRouteCommand()));
        }
    }

    /// <summary>Every node below the root, depth first, with the words leading to it.</summary>
    private static List<(string Path, CommandNode Node)> Paths()
    {
        var result = new List<(string, CommandNode)>();
        Walk(Root, string.Empty, result);
        return result;

        static void Walk(CommandNode node, string prefix, List<(string, CommandNode)> result)
        {
            if (node.IsOptionSet)
            {
                return; // options are checked on their own
            }

            foreach (var child in node.Children)
            {
                var path = prefix.Length == 0 ? child.Name : prefix + " " + child.Name;
                result.Add((path, child));
                Walk(child, path, result);
            }
        }
    }
}
