namespace VirtualFirewall.Tests;

/// <summary>Finds files of the repository from wherever the test assembly runs.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Transcripts => Path.Combine(Root, "transcripts");

    public static string Reference(string name) => Path.Combine(Root, "Tests", "Reference", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VirtualFirewall.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("VirtualFirewall.sln not found above the test directory");
    }
}
