using VirtualFirewall.Fuzz;

namespace VirtualFirewall.Tests.Fuzz;

/// <summary>
/// Every fuzz target runs in CI on every seed, its own and the other targets' (bytes meant for another
/// decoder are as good a hostile input as any): the targets build, run, and reject without crashing.
/// </summary>
[TestFixture]
public sealed class SeedCorpusTests
{
    [Test]
    public void Every_target_has_seeds_and_every_seed_folder_a_target()
    {
        var folders = Directory.EnumerateDirectories(FuzzCorpus.Seeds).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.That(folders, Is.EqualTo(FuzzTargets.All.Select(t => t.Name).Order(StringComparer.Ordinal)));
        foreach (var target in FuzzTargets.All)
        {
            Assert.That(FuzzCorpus.Files(Path.Combine(FuzzCorpus.Seeds, target.Name)), Is.Not.Empty, target.Name);
        }
    }

    [TestCaseSource(typeof(FuzzCorpus), nameof(FuzzCorpus.Targets))]
    public void Every_seed_runs_through_the_target_without_a_crash(IFuzzTarget target)
    {
        var seeds = FuzzCorpus.Files(FuzzCorpus.Seeds).ToList();
        Assert.That(seeds, Is.Not.Empty);
        foreach (var seed in seeds)
        {
            Assert.That(() => target.Run(File.ReadAllBytes(seed)), Throws.Nothing, Path.GetRelativePath(FuzzCorpus.Seeds, seed));
        }
    }
}
