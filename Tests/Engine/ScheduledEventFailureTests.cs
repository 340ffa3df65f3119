using System.Net;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Engine;

/// <summary>A scheduled event that throws must not leave the device's engine clock held at the event's time.</summary>
[TestFixture]
public sealed class ScheduledEventFailureTests
{
    [Test]
    public void After_a_failing_event_new_sessions_start_now()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var device = DefaultDevice.Create(clock);
        device.Schedule.At(clock.GetUtcNow().AddSeconds(10), _ => throw new InvalidOperationException("scripted failure"));
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Throws<InvalidOperationException>(device.CatchUp);
        var session = device.Sessions.Open(new SessionSpec(IPAddress.Parse("10.1.1.5"), "trust", 50000, IPAddress.Parse("198.51.100.5"), "untrust", 443, 6) { Established = true });

        Assert.That(session.StartTime, Is.EqualTo(clock.GetUtcNow()));
    }
}
