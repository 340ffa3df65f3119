using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

[TestFixture]
public sealed class SessionTimeoutsTests
{
    [Test]
    public void DefaultsAreThoseShowSessionInfoPrints()
    {
        var t = SessionTimeouts.PanosDefaults;
        Assert.Multiple(() =>
        {
            Assert.That(t.Tcp, Is.EqualTo(3600));
            Assert.That(t.TcpInit, Is.EqualTo(5));
            Assert.That(t.TcpHandshake, Is.EqualTo(10));
            Assert.That(t.TcpHalfClosed, Is.EqualTo(120));
            Assert.That(t.TcpTimeWait, Is.EqualTo(15));
            Assert.That(t.TcpDelayedAckMilliseconds, Is.EqualTo(250));
            Assert.That(t.TcpUnverifiedRst, Is.EqualTo(30));
            Assert.That(t.Udp, Is.EqualTo(30));
            Assert.That(t.Icmp, Is.EqualTo(6));
            Assert.That(t.Sctp, Is.EqualTo(3600));
            Assert.That(t.SctpInit, Is.EqualTo(5));
            Assert.That(t.SctpCookie, Is.EqualTo(60));
            Assert.That(t.SctpShutdown, Is.EqualTo(30));
            Assert.That(t.Default, Is.EqualTo(30));
            Assert.That(t.CaptivePortal, Is.EqualTo(30));
            Assert.That(t.DiscardTcp, Is.EqualTo(90));
            Assert.That(t.DiscardUdp, Is.EqualTo(60));
            Assert.That(t.DiscardSctp, Is.EqualTo(60));
            Assert.That(t.DiscardDefault, Is.EqualTo(60));
        });
    }

    [TestCase(6, SessionState.Active, 3600)]
    [TestCase(6, SessionState.Opening, 10)]
    [TestCase(6, SessionState.Closing, 15)]
    [TestCase(6, SessionState.Discard, 90)]
    [TestCase(17, SessionState.Active, 30)]
    [TestCase(17, SessionState.Opening, 30)]
    [TestCase(17, SessionState.Discard, 60)]
    [TestCase(1, SessionState.Active, 6)]
    [TestCase(1, SessionState.Discard, 60)]
    [TestCase(132, SessionState.Active, 3600)]
    [TestCase(132, SessionState.Discard, 60)]
    [TestCase(47, SessionState.Active, 30)]
    [TestCase(47, SessionState.Discard, 60)]
    public void TimeoutForProtocolAndState(int protocol, SessionState state, int expected) =>
        Assert.That(SessionTimeouts.PanosDefaults.For(protocol, state), Is.EqualTo(expected));

    [Test]
    public void CaptivePortalSessionsTakeTheCaptivePortalTimeoutUnlessDiscarded()
    {
        var t = SessionTimeouts.PanosDefaults with { CaptivePortal = 45 };
        Assert.That(t.For(6, SessionState.Active, captivePortal: true), Is.EqualTo(45));
        Assert.That(t.For(6, SessionState.Discard, captivePortal: true), Is.EqualTo(90));
    }

    [Test]
    public void ChangedTimeoutsApplyToSessionsOpenedAfterwards()
    {
        var (_, table, _) = Specs.NewTable();
        var before = table.Open(Specs.Udp());
        table.Timeouts = table.Timeouts with { Udp = 45 };
        var after = table.Open(Specs.Udp());
        Assert.That(before.TimeoutSeconds, Is.EqualTo(30));
        Assert.That(after.TimeoutSeconds, Is.EqualTo(45));
    }
}
