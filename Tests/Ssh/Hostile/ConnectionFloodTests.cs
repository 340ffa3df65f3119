using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// A slowloris flood: 200 connections that never log in, held open. At the cap of connections not
/// yet logged in (32) the oldest are dropped with DISCONNECT 12, so a real client still gets in.
/// </summary>
[TestFixture]
public sealed class ConnectionFloodTests
{
    private const int Flood = 200;

    [Test]
    [CancelAfter(45_000)]
    public async Task Two_hundred_idle_connections_do_not_lock_out_a_real_client(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        var hostile = new List<RawSshConnection>();
        try
        {
            for (var i = 0; i < Flood; i++)
            {
                var connection = await RawSshConnection.OpenAsync(server.Port, cancellation);
                hostile.Add(connection);
                if (i % 2 == 1)
                {
                    // Half of them go as far as a version line, then stall.
                    await connection.SendAsync("SSH-2.0-Idle_1.0\r\n", cancellation);
                }
            }

            await NormalClient.AssertWorksAsync(server.Port, $"while {Flood} idle connections are held", cancellation);
            await NormalClient.AssertWorksAsync(server.Port, $"a second time while {Flood} idle connections are held", cancellation);

            var outcomes = await Task.WhenAll(hostile.Select(h => h.ReadUntilClosedAsync(TimeSpan.FromSeconds(2), cancellation)));

            var dropped = Enumerable.Range(0, Flood).Where(i => outcomes[i].Closed).ToList();
            var held = Enumerable.Range(0, Flood).Where(i => !outcomes[i].Closed).ToList();
            Assert.That(dropped, Has.Count.GreaterThanOrEqualTo(2), "the oldest idle connections were not dropped to make room");
            Assert.That(held.DefaultIfEmpty(Flood).Min(), Is.GreaterThan(dropped.Max()), "the oldest go first: every connection still held is younger than every one dropped");
            Assert.Multiple(() =>
            {
                foreach (var i in Enumerable.Range(0, Flood))
                {
                    var outcome = outcomes[i];
                    Assert.That(hostile[i].ServerVersionLine, Is.EqualTo(RawSshConnection.ServerVersion), $"connection {i}: {outcome.Describe()}");
                    Assert.That(outcome.Packets, Is.Not.Empty.And.Exactly(1).Matches<byte[]>(p => p[0] == Wire.KexInit), $"connection {i}: {outcome.Describe()}");
                    if (outcome.Closed)
                    {
                        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), $"connection {i}: {outcome.Describe()}");
                        Assert.That(outcome.DisconnectReasons, Is.Not.Empty.And.All.EqualTo(Wire.TooManyConnections), $"connection {i}: {outcome.Describe()}");
                    }
                    else
                    {
                        Assert.That(outcome.Packets, Has.Count.EqualTo(1), $"connection {i}: {outcome.Describe()}");
                    }
                }
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
