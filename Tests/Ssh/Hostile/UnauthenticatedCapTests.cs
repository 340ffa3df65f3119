using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// The cap of connections not yet logged in (ssh-server.md, Limits: 32 by default) holds whether
/// idle connections arrive one by one or in a burst: once the server has caught up, no more than the
/// cap are open, and each dropped connection got one DISCONNECT 12, not one per newcomer.
/// </summary>
[TestFixture]
public sealed class UnauthenticatedCapTests
{
    private const int Flood = 200;

    [TestCase(32, 0)]
    [TestCase(4, 0)]
    [TestCase(4, 2)]
    [CancelAfter(45_000)]
    public async Task Idle_connections_are_held_to_the_cap(int cap, int pauseMilliseconds, CancellationToken cancellation)
    {
        var options = new SshServerOptions { HostKeys = SshTestServer.HostKeys, Limits = new SshLimits { AuthFailureDelay = TimeSpan.FromMilliseconds(10) } };
        await using var server = SshTestServer.Start(options, maxUnauthenticated: cap);
        var hostile = new List<RawSshConnection>();
        try
        {
            for (var i = 0; i < Flood; i++)
            {
                hostile.Add(await RawSshConnection.OpenAsync(server.Port, cancellation));
                if (pauseMilliseconds > 0)
                {
                    await Task.Delay(pauseMilliseconds, cancellation);
                }
            }

            // Let the server catch up with the burst before looking.
            await Task.Delay(500, cancellation);
            await NormalClient.AssertWorksAsync(server.Port, $"while {Flood} idle connections were made", cancellation);
            var outcomes = await Task.WhenAll(hostile.Select(h => h.ReadUntilClosedAsync(TimeSpan.FromSeconds(1), cancellation)));

            var held = Enumerable.Range(0, Flood).Where(i => !outcomes[i].Closed).ToList();
            var repeated = Enumerable.Range(0, Flood).Where(i => outcomes[i].DisconnectReasons.Count > 1).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(held, Has.Count.LessThanOrEqualTo(cap), $"idle connections still open with a cap of {cap}: {string.Join(", ", held)}");
                Assert.That(
                    repeated,
                    Is.Empty,
                    "connections sent more than one DISCONNECT: " + string.Join(", ", repeated.Select(i => $"{i} ({outcomes[i].DisconnectReasons.Count})")));
            });
        }
        finally
        {
            foreach (var connection in hostile)
            {
                connection.Dispose();
            }
        }

        await NormalClient.AssertWorksAsync(server.Port, "after the idle connections closed", cancellation);
    }
}
