using System.Net;

namespace VirtualFirewall.Tests.Control;

/// <summary>What a harness does: open a session, let time pass, end it with a tracker stage, then read it back and find it in the traffic log.</summary>
[TestFixture]
public sealed class SessionLifecycleTests
{
    private ControlApiTestServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await ControlApiTestServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task ASessionEndsWithTcpRstServerAndIsLogged()
    {
        var (created, opened) = await _server.PostAsync("devices/PA-VM/sessions", ControlApiTestServer.SessionJson("\"id\":900001"));
        var (advanced, clock) = await _server.PostAsync("devices/PA-VM/clock/advance", """{"by":"90s"}""");
        var (_, aged) = await _server.PostAsync("devices/PA-VM/sessions/900001/traffic", """{"bytes-c2s":517,"bytes-s2c":4380,"packets-c2s":3,"packets-s2c":4}""");
        var (ended, end) = await _server.PostAsync("devices/PA-VM/sessions/900001/end", """{"stage":"TCP RST - server"}""");
        var (read, session) = await _server.GetAsync("devices/PA-VM/sessions/900001");
        var (_, log) = await _server.GetAsync("devices/PA-VM/traffic-log?session-id=900001");
        var (_, newest) = await _server.GetAsync("devices/PA-VM/traffic-log?limit=1");

        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(opened.GetProperty("state").GetString(), Is.EqualTo("ACTIVE"));
        Assert.That(advanced, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(clock.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T18:57:44Z"));
        Assert.That(aged.GetProperty("time-to-live").GetInt64(), Is.EqualTo(3600));
        Assert.That(ended, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(end.GetProperty("tracker-stage").GetString(), Is.EqualTo("TCP RST - server"));
        Assert.That(read, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(session.GetProperty("state").GetString(), Is.EqualTo("INIT"));
        Assert.That(session.GetProperty("live").GetBoolean(), Is.False);
        Assert.That(session.GetProperty("tracker-stage").GetString(), Is.EqualTo("TCP RST - server"));
        Assert.That(session.GetProperty("end-reason").GetString(), Is.EqualTo("tcp-rst-from-server"));
        Assert.That(session.GetProperty("end-time").GetString(), Is.EqualTo("2026-11-27T18:57:44Z"));
        Assert.That(session.TryGetProperty("time-to-live", out _), Is.False);
        Assert.That(log.GetArrayLength(), Is.EqualTo(1));
        var entry = log[0];
        Assert.That(entry.GetProperty("session-id").GetUInt32(), Is.EqualTo(900001));
        Assert.That(entry.GetProperty("tracker-stage").GetString(), Is.EqualTo("TCP RST - server"));
        Assert.That(entry.GetProperty("end-reason").GetString(), Is.EqualTo("tcp-rst-from-server"));
        Assert.That(entry.GetProperty("receive-time").GetString(), Is.EqualTo("2026-11-27T18:57:44Z"));
        Assert.That(entry.GetProperty("start-time").GetString(), Is.EqualTo("2026-11-27T18:56:14Z"));
        Assert.That(entry.GetProperty("elapsed").GetInt64(), Is.EqualTo(90));
        Assert.That(entry.GetProperty("bytes-sent").GetInt64(), Is.EqualTo(517));
        Assert.That(entry.GetProperty("bytes-received").GetInt64(), Is.EqualTo(4380));
        Assert.That(entry.GetProperty("bytes").GetInt64(), Is.EqualTo(4897));
        Assert.That(entry.GetProperty("application").GetString(), Is.EqualTo("ssl"));
        Assert.That(entry.GetProperty("rule").GetString(), Is.EqualTo("allow-web"));
        Assert.That(entry.GetProperty("action").GetString(), Is.EqualTo("allow"));
        Assert.That(newest[0].GetProperty("session-id").GetUInt32(), Is.EqualTo(900001));
    }

    [Test]
    public async Task AnIdleSessionAgesOutWhenTheClockPassesItsTimeout()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":5,\"protocol\":\"udp\",\"timeout\":30"));

        await _server.PostAsync("devices/PA-VM-2/clock/advance", """{"by":"31s"}""");
        var (_, session) = await _server.GetAsync("devices/PA-VM-2/sessions/5");
        var (_, log) = await _server.GetAsync("devices/PA-VM-2/traffic-log");

        Assert.That(session.GetProperty("tracker-stage").GetString(), Is.EqualTo("Aged out"));
        Assert.That(session.GetProperty("end-reason").GetString(), Is.EqualTo("aged-out"));
        Assert.That(session.GetProperty("end-time").GetString(), Is.EqualTo("2026-11-27T18:56:44Z"));
        Assert.That(log.GetArrayLength(), Is.EqualTo(1));
        Assert.That(log[0].GetProperty("tracker-stage").GetString(), Is.EqualTo("Aged out"));
    }
}
