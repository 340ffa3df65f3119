using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Grammar;

[TestFixture]
public sealed class PipeTests
{
    private const string Output = "\nhostname: PA-VM\nmodel: PA-VM\nmulti-vsys: off\nvpn-disable-mode: off\n\n";

    [Test]
    public void MatchKeepsOnlyMatchingLines()
    {
        var parsed = (ParsedCommand)CommandLine.Parse("show system info | match vsys");

        Assert.That(parsed.Command, Is.EqualTo(new ShowSystemInfoCommand()));
        Assert.That(parsed.Pipeline.Apply(Output), Is.EqualTo("multi-vsys: off\n"));
    }

    [Test]
    public void ExceptDropsMatchingLinesAndKeepsTheRest()
    {
        var parsed = (ParsedCommand)CommandLine.Parse("show system info | except PA-VM");

        Assert.That(parsed.Pipeline.Apply(Output), Is.EqualTo("\nmulti-vsys: off\nvpn-disable-mode: off\n\n"));
    }

    [Test]
    public void PipesChainInOrderAndTakeRegularExpressions()
    {
        var parsed = (ParsedCommand)CommandLine.Parse("show system info | match \"^(model|multi)\" | except vsys");

        Assert.That(parsed.Pipeline.Apply(Output), Is.EqualTo("model: PA-VM\n"));
    }

    [Test]
    public void WithoutAPipeNothingIsFiltered()
    {
        var parsed = (ParsedCommand)CommandLine.Parse("show system info");

        Assert.That(parsed.Pipeline, Is.SameAs(OutputPipeline.None));
        Assert.That(parsed.Pipeline.Apply(Output), Is.EqualTo(Output));
    }

    [TestCase("show system info |")]
    [TestCase("show system info | match")]
    [TestCase("show system info | grep vsys")]
    [TestCase("show system info | match vsys |")]
    [TestCase("show system info | match vsys extra")]
    [TestCase("show system info | match (unclosed")]
    [TestCase("show system | match vsys")]
    public void BadPipesAreInvalidSyntax(string line) =>
        Assert.That(CommandLine.Parse(line), Is.EqualTo(new ParseFailure("Invalid syntax.\n")));

    [Test]
    public void ALinePipedFromNothingNamesTheBar() =>
        Assert.That(CommandLine.Parse("| match x"), Is.EqualTo(new ParseFailure("Unknown command: |\n")));

    [Test]
    public void APathologicalPatternDoesNotHang()
    {
        var parsed = (ParsedCommand)CommandLine.Parse("show clock | match \"^(a+)+$\"");
        var evil = new string('a', 40) + "!\n";

        Assert.That(parsed.Pipeline.Apply(evil), Is.Empty);
    }
}
