using System.Globalization;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>
/// A person at the keyboard, as an `expect` script drives the OpenSSH client in a real pty: `?` help,
/// Tab completion and the pager, each waited for by its text as a user would see it.
/// </summary>
[TestFixture]
public sealed class ExpectOpenSshTests
{
    // Each step names itself, so a failure says which one did not come.
    private const string Script = """
        set timeout 10
        set stty_init "rows 24 cols 80"
        log_user 0
        proc stepre {name pattern} {
            expect {
                -re $pattern { }
                timeout { puts "FAILED: $name"; exit 1 }
                eof { puts "EOF: $name"; exit 1 }
            }
        }
        proc step {name pattern} {
            expect {
                -ex $pattern { }
                timeout { puts "FAILED: $name"; exit 1 }
                eof { puts "EOF: $name"; exit 1 }
            }
        }
        spawn ssh -tt -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -p [lindex $argv 0] admin@127.0.0.1
        step "password prompt" "assword:"
        send "admin\r"
        step "first prompt" "admin@PA-VM> "
        send "show ?"
        stepre "help lists session" {> session +Show session information}
        stepre "help lists system" {> system +Show system information}
        step "line redrawn after help" "admin@PA-VM> show "
        send "sys\t"
        step "tab completes system" "system "
        send "in\t"
        step "tab completes info" "info "
        send "\r"
        step "pager stops the output" "--more--"
        send " "
        step "space shows the next page" "operational-mode: normal"
        step "the last line waits for its page" "--more--"
        send "q"
        step "prompt after q" "admin@PA-VM> "
        send "show s\t"
        stepre "ambiguous tab lists both" {> system +Show system information}
        send "\x03"
        step "prompt after ctrl-c" "admin@PA-VM> "
        send "exit\r"
        expect eof
        puts "OK"
        """;

    [Test]
    public async Task HelpTabAndPagerThroughOpenSsh()
    {
        ExternalProgram.Require("/usr/bin/expect", "expect");
        ExternalProgram.Require("/usr/bin/ssh", "openssh-client");
        await using var server = SshTestServer.Start();
        var script = Path.Combine(Path.GetTempPath(), "vf-expect-" + Guid.NewGuid().ToString("N") + ".exp");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var (exit, output, error) = await ExternalProgram.RunAsync(
                "/usr/bin/expect",
                ["-f", script, server.Port.ToString(CultureInfo.InvariantCulture)],
                null,
                TimeSpan.FromSeconds(90));

            Assert.That(output.Trim(), Is.EqualTo("OK"), error);
            Assert.That(exit, Is.EqualTo(0));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
