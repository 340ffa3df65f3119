using VirtualFirewall.Fuzz;

namespace VirtualFirewall.Tests.Fuzz;

/// <summary>
/// The inputs the fuzzer found crashing, kept under <c>Regressions/&lt;target&gt;/</c>, each run through the
/// target that found it: every one crashed before its fix.
/// </summary>
[TestFixture]
public sealed class FuzzRegressionTests
{
    public static IEnumerable<TestCaseData> Regressions() =>
        FuzzCorpus.Files(FuzzCorpus.Regressions).Select(file =>
        {
            var target = Path.GetFileName(Path.GetDirectoryName(file))!;
            return new TestCaseData(target, file).SetArgDisplayNames(target, Path.GetFileName(file));
        });

    [TestCaseSource(nameof(Regressions))]
    public void A_found_crash_stays_fixed(string targetName, string file)
    {
        var target = FuzzTargets.Find(targetName);

        Assert.That(target, Is.Not.Null, $"no fuzz target named {targetName}: the folder name is the target's");
        Assert.That(() => target!.Run(File.ReadAllBytes(file)), Throws.Nothing);
    }
}
