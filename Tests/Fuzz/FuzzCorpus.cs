using VirtualFirewall.Fuzz;

namespace VirtualFirewall.Tests.Fuzz;

/// <summary>The fuzz inputs kept in the repository: the seed corpora and the regressions, by target.</summary>
internal static class FuzzCorpus
{
    public static string Seeds => Path.Combine(RepositoryPaths.Root, "fuzz", "corpus");

    public static string Regressions => Path.Combine(RepositoryPaths.Root, "Tests", "Fuzz", "Regressions");

    public static IEnumerable<TestCaseData> Targets() =>
        FuzzTargets.All.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    public static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
}
