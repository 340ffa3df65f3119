namespace VirtualFirewall.Fuzz;

/// <summary>
/// Writes the seed corpora, <c>corpus/&lt;target&gt;/</c>: small valid inputs made from the product's own
/// message records, from the repository's transcripts, descriptions and configurations, and from the
/// byte sequences real clients send. Generated, so a format change is one command away.
/// </summary>
internal static class SeedWriter
{
    public static void WriteAll(string corpus, string repository)
    {
        SshSeeds.Write(corpus);
        TerminalSeeds.Write(corpus, repository);
        FileSeeds.Write(corpus, repository);
    }

    public static string Folder(string corpus, string target)
    {
        var folder = Path.Combine(corpus, target);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
