using System.Globalization;
using VirtualFirewall.Tests.Hosting;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Security;

/// <summary>Debian's ssh-audit against the emulator's SSH listener: the default algorithm set draws no failure and no warning.</summary>
[TestFixture]
public sealed class SshAuditTests
{
    private const string SshAudit = "/usr/bin/ssh-audit";

    // ssh-audit 2.5.0 (Debian bookworm) predates strict key exchange and calls its marker an unknown
    // algorithm. The marker is the Terrapin (CVE-2023-48795) countermeasure: it stays, and this notice is expected.
    private const string StrictKexNotice = "(kex) kex-strict-s-v00@openssh.com -- [warn] unknown algorithm";

    [Test]
    public async Task TheDefaultAlgorithmSetHasNoFailureAndNoWarning()
    {
        var (report, findings) = await AuditAsync([]);

        Assert.That(report, Does.Contain("(kex) curve25519-sha256 ").And.Contain("(key) ssh-ed25519 "), "ssh-audit saw the key exchange");
        Assert.That(findings.Where(f => f != StrictKexNotice), Is.Empty, report);
    }

    [Test]
    public async Task LegacyAlgorithmsAreOfferedOnlyOnRequestAndAreWhatTheAuditFlags()
    {
        var (report, findings) = await AuditAsync(["--legacy-algorithms"]);

        Assert.That(findings, Has.Some.StartWith("(kex) ecdh-sha2-nistp256 -- [fail]"), report);
        Assert.That(findings, Has.Some.StartWith("(key) ecdsa-sha2-nistp256 -- [fail]"), report);
        Assert.That(findings, Has.Some.StartWith("(mac) hmac-sha2-256 -- [warn]"), report);
    }

    /// <summary>Runs ssh-audit on a fresh emulator; returns its report and the lines that are a [fail] or a [warn].</summary>
    private static async Task<(string Report, IReadOnlyList<string> Findings)> AuditAsync(string[] options)
    {
        ExternalProgram.Require(SshAudit, "ssh-audit");
        var keys = Directory.CreateTempSubdirectory("vf-audit-keys-");
        try
        {
            await using var emulator = EmulatorProcess.Start(["--ssh-port", "0", "--no-telnet", "--host-key-dir", keys.FullName, .. options]);
            var port = await emulator.PortAsync("ssh", TimeSpan.FromSeconds(60));

            var (_, report, error) = await ExternalProgram.RunAsync(
                SshAudit, ["-n", "-b", "-p", port.ToString(CultureInfo.InvariantCulture), "127.0.0.1"], input: null, TimeSpan.FromSeconds(60));

            Assert.That(await emulator.TerminateAsync(TimeSpan.FromSeconds(20)), Is.EqualTo(0));
            Assert.That(report, Does.Contain("(gen) banner: SSH-2.0-VirtualFirewall_1.0"), report + error);
            var findings = report.Split('\n').Select(l => l.TrimEnd('\r'))
                .Where(l => l.Contains(" -- [fail]", StringComparison.Ordinal) || l.Contains(" -- [warn]", StringComparison.Ordinal))
                .ToList();
            return (report, findings);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
