using System.Text;
using VirtualFirewall.Emulator.Recording;

namespace VirtualFirewall.Tests.Transcripts;

/// <summary>
/// Replays every golden transcript under transcripts/ and compares bytes exactly. Set
/// UPDATE_TRANSCRIPTS=1 to rewrite the goldens from what the emulator does now (refused under CI).
/// </summary>
[TestFixture]
public sealed class TranscriptTests
{
    private static bool Updating =>
        string.Equals(Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS"), "1", StringComparison.Ordinal);

    public static IEnumerable<TestCaseData> All() =>
        Files().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    public static IEnumerable<TestCaseData> OverTelnet() =>
        Files()
            .Where(f => Load(f).Header.Transports.Contains("telnet"))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(All))]
    public void ReplaysInMemory(string file)
    {
        var transcript = Load(file);
        Check(file, transcript, MemoryReplay.Run(transcript), canUpdate: true);
    }

    [TestCaseSource(nameof(All))]
    public void ReplaysInMemoryOneByteAtATime(string file)
    {
        var transcript = Load(file);
        Check(file, transcript, MemoryReplay.Run(transcript, byteByByte: true), canUpdate: false);
    }

    [TestCaseSource(nameof(OverTelnet))]
    public async Task ReplaysOverTelnet(string file)
    {
        var transcript = Load(file);
        Assert.That(transcript.Header.From, Is.EqualTo("127.0.0.1"), "a Telnet transcript logs in from loopback");
        Check(file, transcript, await TelnetReplay.RunAsync(transcript), canUpdate: false);
    }

    public static IEnumerable<TestCaseData> OverSsh() =>
        Files()
            .Where(f => Load(f).Header.Transports.Contains("ssh"))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(OverSsh))]
    public async Task ReplaysOverSsh(string file)
    {
        var transcript = Load(file);
        Assert.That(transcript.Header.From, Is.EqualTo("127.0.0.1"), "an SSH transcript logs in from loopback");
        Check(file, transcript, await SshReplay.RunAsync(transcript), canUpdate: false);
    }

    [Test]
    public void ThereAreEnoughTranscripts()
    {
        Assert.That(Files().Count(), Is.GreaterThanOrEqualTo(10));
        Assert.That(OverTelnet().Count(), Is.GreaterThanOrEqualTo(3));
        Assert.That(OverSsh().Count(), Is.GreaterThanOrEqualTo(3));
    }

    private static void Check(string file, Transcript transcript, ReplayResult result, bool canUpdate)
    {
        var expected = transcript.ExpectedOutput();
        var actual = result.AllOutput();
        var difference = TranscriptDiff.FirstDifference(expected, actual);
        if (difference is null)
        {
            return;
        }

        if (canUpdate && Updating)
        {
            Assert.That(Environment.GetEnvironmentVariable("CI"), Is.Not.EqualTo("true"), "UPDATE_TRANSCRIPTS is refused under CI");
            var rewritten = TranscriptRewriter.Rewrite(transcript.HeaderText, result.InitialOutput, result.Steps);
            File.WriteAllText(Path.Combine(RepositoryPaths.Transcripts, file), rewritten, new UTF8Encoding(false));
            Assert.Warn($"{file} rewritten from the emulator's output");
            return;
        }

        Assert.Fail($"{file}: {difference}");
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(RepositoryPaths.Transcripts, "*.txt", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Transcripts, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static Transcript Load(string file) =>
        Transcript.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Transcripts, file), Encoding.UTF8));
}
