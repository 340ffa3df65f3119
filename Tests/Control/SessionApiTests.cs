using System.Net;
using System.Text.Json;

namespace VirtualFirewall.Tests.Control;

/// <summary>The control API's session and traffic-log endpoints, each with good input and with bad.</summary>
[TestFixture]
public sealed class SessionApiTests
{
    private ControlApiTestServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await ControlApiTestServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task OpensASession()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "devices/PA-VM-2/sessions")
        {
            Content = ControlApiTestServer.Json(ControlApiTestServer.SessionJson("\"id\":4632,\"nat-source\":\"203.0.113.1\",\"nat-source-port\":31000,\"nat-rule\":\"outbound\",\"timeout\":600")),
        };
        using var response = await _server.Client.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var session = document.RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/devices/PA-VM-2/sessions/4632"));
        Assert.That(session.GetProperty("id").GetUInt32(), Is.EqualTo(4632));
        Assert.That(session.GetProperty("state").GetString(), Is.EqualTo("ACTIVE"));
        Assert.That(session.GetProperty("type").GetString(), Is.EqualTo("FLOW"));
        Assert.That(session.GetProperty("live").GetBoolean(), Is.True);
        Assert.That(session.GetProperty("from").GetString(), Is.EqualTo("trust"));
        Assert.That(session.GetProperty("to").GetString(), Is.EqualTo("untrust"));
        Assert.That(session.GetProperty("source").GetString(), Is.EqualTo("10.1.1.20"));
        Assert.That(session.GetProperty("source-port").GetInt32(), Is.EqualTo(50104));
        Assert.That(session.GetProperty("destination").GetString(), Is.EqualTo("203.0.113.80"));
        Assert.That(session.GetProperty("destination-port").GetInt32(), Is.EqualTo(443));
        Assert.That(session.GetProperty("protocol").GetInt32(), Is.EqualTo(6));
        Assert.That(session.GetProperty("application").GetString(), Is.EqualTo("ssl"));
        Assert.That(session.GetProperty("rule").GetString(), Is.EqualTo("allow-web"));
        Assert.That(session.GetProperty("nat-source").GetString(), Is.EqualTo("203.0.113.1"));
        Assert.That(session.GetProperty("nat-source-port").GetInt32(), Is.EqualTo(31000));
        Assert.That(session.GetProperty("nat-rule").GetString(), Is.EqualTo("outbound"));
        Assert.That(session.TryGetProperty("nat-destination", out _), Is.False);
        Assert.That(session.GetProperty("start-time").GetString(), Is.EqualTo("2026-11-27T18:56:14Z"));
        Assert.That(session.GetProperty("timeout").GetInt32(), Is.EqualTo(600));
        Assert.That(session.GetProperty("time-to-live").GetInt64(), Is.EqualTo(600));
        Assert.That(session.GetProperty("bytes-c2s").GetInt64(), Is.Zero);
        Assert.That(session.GetProperty("packets-s2c").GetInt64(), Is.Zero);
        Assert.That(session.GetProperty("ingress-interface").GetString(), Is.EqualTo("ethernet1/2"));
        Assert.That(session.GetProperty("egress-interface").GetString(), Is.EqualTo("ethernet1/1"));
        Assert.That(session.TryGetProperty("tracker-stage", out _), Is.False);
        Assert.That(session.TryGetProperty("end-reason", out _), Is.False);
        Assert.That(_server.Quiet.Device.Locked(d => d.Sessions.IsLive(4632)), Is.True);
    }

    [Test]
    public async Task OpensASessionWithTheNextFreeIdAndTheDescriptionDefaults()
    {
        var (status, session) = await _server.PostAsync("devices/PA-VM-2/sessions", """{"from":"trust","to":"untrust","source":"10.1.1.21","destination":"8.8.8.8","protocol":"icmp"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(session.GetProperty("id").GetUInt32(), Is.GreaterThan(0));
        Assert.That(session.GetProperty("protocol").GetInt32(), Is.EqualTo(1));
        Assert.That(session.GetProperty("source-port").GetInt32(), Is.Zero);
        Assert.That(session.GetProperty("application").GetString(), Is.EqualTo("incomplete"));
        Assert.That(session.GetProperty("log-at-end").GetBoolean(), Is.True);
    }

    [TestCase("\"source\":\"10.1.1.300\"", "source: `10.1.1.300` is not an IP address")]
    [TestCase("\"nat-destination\":\"10\"", "nat-destination: `10` is not an IP address")]
    [TestCase("\"source-port\":70000", "source-port: 70000 is out of range (0 to 65535)")]
    [TestCase("\"destination-port\":-1", "destination-port: -1 is out of range (0 to 65535)")]
    [TestCase("\"destination-port\":\"443\"", "destination-port: `\"443\"` is not a whole number")]
    [TestCase("\"protocol\":\"sctp\"", "protocol: `\"sctp\"` is not tcp, udp, icmp or a number from 0 to 255")]
    [TestCase("\"protocol\":300", "protocol: `300` is not tcp, udp, icmp or a number from 0 to 255")]
    [TestCase("\"action\":\"reject\"", "action: `reject` is not one of: allow, deny, drop")]
    [TestCase("\"id\":0", "id: 0 is out of range (1 to 4294967295)")]
    [TestCase("\"timeout\":0", "timeout: 0 is out of range (1 to 15999999)")]
    [TestCase("\"established\":\"yes\"", "established: `\"yes\"` is not true or false")]
    [TestCase("\"rule\":\"\"", "rule: must not be empty")]
    [TestCase("\"open-at\":\"10s\"", "unknown property `open-at`; expected one of: ")]
    public async Task OpeningRefusesABadField(string extra, string error)
    {
        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson(extra));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Does.StartWith(error));
        Assert.That(_server.Quiet.Device.Locked(d => d.Sessions.LiveCount), Is.Zero);
    }

    [TestCase("""{"to":"untrust","source":"10.1.1.20","destination":"203.0.113.80","protocol":"udp","source-port":1,"destination-port":53}""", "from is required")]
    [TestCase("""{"from":"trust","to":"untrust","source":"10.1.1.20","destination":"203.0.113.80","destination-port":53}""", "source-port is required for tcp and udp")]
    [TestCase("""{"from": trust}""", "the body is not valid JSON: ")]
    [TestCase("""{"from":"trust","from":"dmz","to":"untrust","source":"10.1.1.20","destination":"10.1.1.1","protocol":1}""", "from: given more than once")]
    [TestCase("""[1,2]""", "the body must be a JSON object")]
    [TestCase("", "a JSON body is required")]
    public async Task OpeningRefusesABadBody(string json, string error)
    {
        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Does.StartWith(error));
    }

    [Test]
    public async Task OpeningALiveIdIsAConflict()
    {
        var (first, _) = await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":777"));

        var (second, body) = await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":777"));

        Assert.That(first, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("id: session 777 is already live"));
    }

    [Test]
    public async Task EndsASession()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));

        var (status, session) = await _server.PostAsync("devices/PA-VM-2/sessions/10/end", """{"stage":"tcp-fin"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(session.GetProperty("state").GetString(), Is.EqualTo("CLOSING"));
        Assert.That(session.GetProperty("tracker-stage").GetString(), Is.EqualTo("TCP FIN"));
        Assert.That(session.GetProperty("end-reason").GetString(), Is.EqualTo("tcp-fin"));
        Assert.That(session.GetProperty("end-time").GetString(), Is.EqualTo("2026-11-27T18:56:14Z"));
    }

    [Test]
    public async Task EndingWithAnUnknownStageListsTheStages()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));

        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions/10/end", """{"stage":"TCP RST - firewall"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(
            "stage: `TCP RST - firewall` is not a tracker stage; expected one of: Aged out, TCP FIN, TCP RST - client, TCP RST - server, "
            + "appid policy lookup deny, mitigation tdb, resource limit, host service (or their end reasons: aged-out, tcp-fin, "
            + "tcp-rst-from-client, tcp-rst-from-server, policy-deny, threat, resources-unavailable, unknown)"));
    }

    [Test]
    public async Task EndingATcpStageOnAUdpSessionIsABadRequest()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":11,\"protocol\":\"udp\""));

        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions/11/end", """{"stage":"TCP RST - server"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Does.StartWith("stage: TCP RST - server ends TCP sessions only."));
    }

    [Test]
    public async Task EndingASessionThatIsNotLiveIsNotFound()
    {
        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions/12345/end", """{"stage":"tcp-fin"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("session 12345 is not live"));
    }

    [Test]
    public async Task EndingAnEndedSessionIsAConflict()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));
        await _server.PostAsync("devices/PA-VM-2/sessions/10/end", """{"stage":"TCP FIN"}""");

        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions/10/end", """{"stage":"tcp-rst-from-client"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("session 10 has already ended (TCP FIN) and is CLOSING until it is freed"));
    }

    [Test]
    public async Task RecordsTraffic()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));

        var (status, session) = await _server.PostAsync("devices/PA-VM-2/sessions/10/traffic", """{"bytes-c2s":517,"bytes-s2c":4380,"packets-c2s":3,"packets-s2c":4}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(session.GetProperty("bytes-c2s").GetInt64(), Is.EqualTo(517));
        Assert.That(session.GetProperty("bytes-s2c").GetInt64(), Is.EqualTo(4380));
        Assert.That(session.GetProperty("packets-c2s").GetInt64(), Is.EqualTo(3));
        Assert.That(session.GetProperty("packets-s2c").GetInt64(), Is.EqualTo(4));
    }

    [Test]
    public async Task RecordingNegativeTrafficIsABadRequest()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));

        var (status, body) = await _server.PostAsync("devices/PA-VM-2/sessions/10/traffic", """{"bytes-c2s":-5}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("bytes-c2s: -5 is out of range (0 to 4611686018427387903)"));
    }

    [Test]
    public async Task GetsASession()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));

        var (status, session) = await _server.GetAsync("devices/PA-VM-2/sessions/10");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(session.GetProperty("id").GetUInt32(), Is.EqualTo(10));
        Assert.That(session.GetProperty("state").GetString(), Is.EqualTo("ACTIVE"));
    }

    [TestCase("devices/PA-VM-2/sessions/99", HttpStatusCode.NotFound, "session 99 is neither live nor recently ended")]
    [TestCase("devices/PA-VM-2/sessions/abc", HttpStatusCode.BadRequest, "id: `abc` is not a session id (1 to 4294967295)")]
    [TestCase("devices/PA-VM-2/sessions/0", HttpStatusCode.BadRequest, "id: `0` is not a session id (1 to 4294967295)")]
    [TestCase("devices/nope/sessions/1", HttpStatusCode.NotFound, "no device named `nope`")]
    public async Task GettingASessionRefusesBadIds(string path, HttpStatusCode expected, string error)
    {
        var (status, body) = await _server.GetAsync(path);

        Assert.That(status, Is.EqualTo(expected));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
    }

    [Test]
    public async Task ListsSessionsByFilter()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":10"));
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":11,\"established\":false"));
        await _server.PostAsync("devices/PA-VM-2/sessions", """{"id":12,"from":"untrust","to":"dmz","source":"198.51.100.7","source-port":1,"destination":"192.168.50.10","destination-port":53,"protocol":"udp","application":"dns"}""");

        var (all, every) = await _server.GetAsync("devices/PA-VM-2/sessions");
        var (_, opening) = await _server.GetAsync("devices/PA-VM-2/sessions?state=opening");
        var (_, dns) = await _server.GetAsync("devices/PA-VM-2/sessions?application=dns&from=untrust&destination=192.168.50.10");
        var (_, limited) = await _server.GetAsync("devices/PA-VM-2/sessions?limit=2");

        Assert.That(all, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(every.EnumerateArray().Select(s => s.GetProperty("id").GetUInt32()), Is.EqualTo(new uint[] { 10, 11, 12 }));
        Assert.That(opening.EnumerateArray().Select(s => s.GetProperty("id").GetUInt32()), Is.EqualTo(new uint[] { 11 }));
        Assert.That(dns.EnumerateArray().Select(s => s.GetProperty("id").GetUInt32()), Is.EqualTo(new uint[] { 12 }));
        Assert.That(limited.GetArrayLength(), Is.EqualTo(2));
    }

    [TestCase("state=gone", "state: `gone` is not one of: init, opening, active, discard, closing, closed")]
    [TestCase("source=10.1", "source: `10.1` is not an IP address")]
    [TestCase("limit=0", "limit: `0` is not a whole number from 1 to 100000")]
    [TestCase("limit=100001", "limit: `100001` is not a whole number from 1 to 100000")]
    [TestCase("colour=red", "unknown query parameter `colour`; expected one of: state, application, rule, from, to, source, destination, source-port, destination-port, protocol, limit")]
    [TestCase("rule=a&rule=b", "rule: given more than once")]
    public async Task ListingRefusesABadFilter(string query, string error)
    {
        var (status, body) = await _server.GetAsync("devices/PA-VM-2/sessions?" + query);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
    }

    [Test]
    public async Task ReadsTheTrafficLogNewestFirst()
    {
        var (status, log) = await _server.GetAsync("devices/PA-VM/traffic-log?limit=5");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(log.GetArrayLength(), Is.EqualTo(5));
        var times = log.EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetProperty("receive-time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(times, Is.Ordered.Descending);
        Assert.That(log[0].GetProperty("end-reason").GetString(), Is.Not.Empty);
        Assert.That(log[0].GetProperty("action").GetString(), Is.AnyOf("allow", "deny", "drop"));
    }

    [TestCase("limit=all", "limit: `all` is not a whole number from 1 to 100000")]
    [TestCase("session-id=-3", "session-id: `-3` is not a session id (1 to 4294967295)")]
    [TestCase("direction=forward", "unknown query parameter `direction`; expected one of: session-id, limit")]
    public async Task TheTrafficLogRefusesABadQuery(string query, string error)
    {
        var (status, body) = await _server.GetAsync("devices/PA-VM/traffic-log?" + query);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
    }
}
