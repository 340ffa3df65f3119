using System.Diagnostics;
using System.Globalization;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Many administrators on one device for a while, over SSH, while its traffic generator opens and
/// ends sessions fast: show commands, configuration changes and commits. Afterwards: no error text
/// and no logged error, every change a successful commit reported is running, live managed memory
/// after the warm-up stays within a bound, and the session table passes its invariant check.
/// CI runs a short soak; `SOAK_CLIENTS` and `SOAK_SECONDS` make it longer (bench/soak.sh).
/// </summary>
[TestFixture]
public sealed class SoakTests
{
    private static int Clients => Setting("SOAK_CLIENTS", 30);

    private static int Seconds => Setting("SOAK_SECONDS", 15);

    /// <summary>Growth allowed from the sample after the warm-up to the last one, in MiB.</summary>
    private static int MaxGrowthMiB => Setting("SOAK_MAX_GROWTH_MB", 16);

    [Test]
    [CancelAfter(3_600_000)]
    public async Task Many_administrators_show_change_and_commit_while_traffic_churns(CancellationToken cancellation)
    {
        using var watch = new FaultWatch(NLog.LogLevel.Warn);
        await using var firewall = FirewallUnderTest.Launch(new FirewallSetup
        {
            FixedClock = false,
            SessionsPerMinute = 1200,
            MaxUnauthenticated = Clients + 8,
            SshLimits = new SshLimits(),
        });
        var clients = Enumerable.Range(0, Clients).Select(i => new SoakClient(i)).ToArray();

        // The run is cut into phases; between two, every client has logged out, so the samples taken
        // there compare like with like: what the server keeps, not what is in flight. The first
        // phase is the warm-up. The traffic log and the freed sessions fill towards their bounds
        // (100,000 each) for far longer than a soak runs, so they are emptied at each sample.
        var phases = Math.Max(3, Seconds / 60);
        var phase = TimeSpan.FromSeconds(Seconds) / phases;
        var samples = new List<(TimeSpan At, long Bytes, int Sessions, int Logs, int Ended)>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < phases; i++)
        {
            using var stop = new CancellationTokenSource(phase);
            var running = clients.Select(c => Task.Factory.StartNew(() => c.Run(firewall.SshPort, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            await Task.WhenAll(running).WaitAsync(phase + TimeSpan.FromSeconds(60), cancellation);
            Assert.That(await firewall.WaitForConnectionsAsync(ssh: 0, telnet: 0, TimeSpan.FromSeconds(30)), Is.True, $"connections still open after phase {i}");
            var (sessions, logs, ended) = firewall.Device.Locked(EmptyBoundedStores);
            samples.Add((clock.Elapsed, ManagedMemory.Live(), sessions, logs, ended));
        }

        Report(clients, samples, firewall);
        var errors = clients.SelectMany(c => c.Errors).ToList();
        Assert.That(errors, Is.Empty, $"{errors.Count} unexpected answers; the first ones:\n" + string.Join("\n", errors.Take(10)));
        Assert.That(clients.Sum(c => c.Commits), Is.GreaterThan(0), "no commit at all");
        AssertCommittedChangesAreRunning(firewall, clients);
        var growth = samples[^1].Bytes - samples[0].Bytes;
        Assert.That(growth, Is.LessThan(MaxGrowthMiB * ManagedMemory.MiB), $"live managed memory grew {ManagedMemory.Describe(growth)} after the warm-up");
        Assert.That(firewall.Device.Admins.Snapshot(), Is.Empty, "login sessions left behind");
        firewall.Device.Locked(d =>
        {
            d.Sessions.CheckConsistency();
            return true;
        });
        watch.AssertNoFaults();
    }

    private static void AssertCommittedChangesAreRunning(FirewallUnderTest firewall, SoakClient[] clients)
    {
        var (running, _) = AddressBook.Of(firewall.Device);
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in clients.SelectMany(c => c.Committed))
            {
                if (value is null)
                {
                    Assert.That(running, Does.Not.ContainKey(name), $"{name} was deleted by a successful commit");
                }
                else
                {
                    Assert.That(running.GetValueOrDefault(name), Is.EqualTo(value), $"{name} as a successful commit left it");
                }
            }
        });
    }

    private static void Report(SoakClient[] clients, List<(TimeSpan At, long Bytes, int Sessions, int Logs, int Ended)> samples, FirewallUnderTest firewall)
    {
        var generator = firewall.Hosted.Generator;
        TestContext.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{clients.Length} clients, {Seconds} s: {clients.Sum(c => c.Commands)} commands, {clients.Sum(c => c.Commits)} commits, {clients.Sum(c => c.Errors.Count)} errors; generator opened {generator?.SessionsOpened ?? 0} sessions"));
        foreach (var (at, bytes, sessions, logs, ended) in samples)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {at.TotalSeconds,6:F0} s  {ManagedMemory.Describe(bytes),10}  {sessions,6} live sessions  {logs,7} traffic log entries  {ended,7} freed sessions (both emptied)"));
        }
    }

    /// <summary>The counts of the phase, then the traffic log and the freed sessions emptied.</summary>
    private static (int Sessions, int Logs, int Ended) EmptyBoundedStores(Device device)
    {
        var counts = (device.Sessions.LiveCount, device.TrafficLog.Count, device.Sessions.RecentlyEndedCount);
        device.TrafficLog.Clear();
        device.Sessions.ForgetEndedSessions();
        return counts;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
