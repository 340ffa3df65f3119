using VirtualFirewall.Emulator.Recording;

namespace VirtualFirewall.Tests.Transcripts;

/// <summary>`transcript check`: what a user runs on their own recordings.</summary>
[TestFixture]
public sealed class TranscriptCheckerTests
{
    [Test]
    public void The_golden_transcripts_all_pass()
    {
        var output = new StringWriter();

        var failed = TranscriptChecker.Check([RepositoryPaths.Transcripts], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(failed, Is.Zero, output.ToString());
        Assert.That(lines, Has.Length.EqualTo(Directory.GetFiles(RepositoryPaths.Transcripts, "*.txt", SearchOption.AllDirectories).Length));
        Assert.That(lines, Has.All.StartWith("PASS "));
    }

    [Test]
    public void A_changed_byte_fails_with_its_place_and_a_bad_file_says_why()
    {
        var directory = Directory.CreateTempSubdirectory("vf-check-");
        try
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Transcripts, "show-clock.txt"));
            File.WriteAllText(Path.Combine(directory.FullName, "changed.txt"), text.Replace("UTC 2026", "UTC 2025", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(directory.FullName, "broken.txt"), "device: default\nno separator here\n");
            var output = new StringWriter();

            var failed = TranscriptChecker.Check([directory.FullName, Path.Combine(directory.FullName, "missing.txt")], output);

            Assert.That(failed, Is.EqualTo(3));
            Assert.That(output.ToString(), Does.Contain("FAIL " + Path.Combine(directory.FullName, "changed.txt") + "\nfirst difference at output line "));
            Assert.That(output.ToString(), Does.Contain("\n- Fri Nov 27 18:56:14 UTC 2025\n+ Fri Nov 27 18:56:14 UTC 2026\n"));
            Assert.That(output.ToString(), Does.Contain("FAIL " + Path.Combine(directory.FullName, "broken.txt") + "\n"));
            Assert.That(output.ToString(), Does.Contain("no such file or directory"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
