using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VirtualFirewall.Tests.Control;

/// <summary>The control API's device endpoints (listing, clock, generator, reset) and its HTTP edges: one test with good input, one with bad.</summary>
[TestFixture]
public sealed class ControlApiTests
{
    private ControlApiTestServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await ControlApiTestServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public void ListensOnLoopbackOnly()
    {
        Assert.That(_server.Host.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_server.Host.BaseAddress.Port, Is.GreaterThan(0));
    }

    [Test]
    public async Task ListsTheDevices()
    {
        _server.Busy.SshPort = 2222;

        var (status, body) = await _server.GetAsync("devices");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetArrayLength(), Is.EqualTo(2));
        var first = body[0];
        Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("PA-VM"));
        Assert.That(first.GetProperty("hostname").GetString(), Is.EqualTo("PA-VM"));
        Assert.That(first.GetProperty("ssh-port").GetInt32(), Is.EqualTo(2222));
        Assert.That(first.GetProperty("telnet-port").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(first.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T18:56:14Z"));
        Assert.That(first.GetProperty("clock-mode").GetString(), Is.EqualTo("fixed"));
        Assert.That(first.GetProperty("live-sessions").GetInt32(), Is.GreaterThan(10));
        Assert.That(first.GetProperty("generator-running").GetBoolean(), Is.True);
        Assert.That(body[1].GetProperty("hostname").GetString(), Is.EqualTo("PA-VM-2"));
        Assert.That(body[1].GetProperty("live-sessions").GetInt32(), Is.Zero);
        Assert.That(body[1].GetProperty("generator-running").GetBoolean(), Is.False);
    }

    [Test]
    public async Task GetsOneDevice()
    {
        var (status, body) = await _server.GetAsync("devices/PA-VM-2");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("PA-VM-2"));
        Assert.That(body.GetProperty("sw-version").GetString(), Is.EqualTo("10.2.10"));
    }

    [Test]
    public async Task AnUnknownDeviceIsNotFound()
    {
        var (status, body) = await _server.GetAsync("devices/PA-VM-9");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("no device named `PA-VM-9`"));
    }

    [Test]
    public async Task AdvancesTheClock()
    {
        var (status, body) = await _server.PostAsync("devices/PA-VM/clock/advance", """{"by":"90s"}""");
        var (_, device) = await _server.GetAsync("devices/PA-VM");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T18:57:44Z"));
        Assert.That(body.GetProperty("clock-mode").GetString(), Is.EqualTo("fixed"));
        Assert.That(device.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T18:57:44Z"));
        Assert.That(_server.Busy.Device.Clock.UtcNow, Is.EqualTo(ControlApiTestServer.Start.AddSeconds(90)));
    }

    [TestCase("""{"by":"soon"}""", "by: `soon` is not a duration (90s, 5m, 2h, 1d, 250ms or hh:mm:ss)")]
    [TestCase("""{"by":"-00:01:00"}""", "by: `-00:01:00` is not a duration (90s, 5m, 2h, 1d, 250ms or hh:mm:ss)")]
    [TestCase("""{"by":90}""", "by: `90` is not a string")]
    [TestCase("""{}""", "by is required (90s, 5m, 2h, 1d, 250ms or hh:mm:ss)")]
    [TestCase("""{"by":"90s","until":"later"}""", "unknown property `until`; expected one of: by")]
    [TestCase("""{"by":"4000d"}""", "by: `4000d` is more than 3650 days")]
    public async Task AdvanceRefusesBadInput(string json, string error)
    {
        var (status, body) = await _server.PostAsync("devices/PA-VM/clock/advance", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
        Assert.That(_server.Busy.Device.Clock.UtcNow, Is.EqualTo(ControlApiTestServer.Start));
    }

    [Test]
    public async Task SetsTheClock()
    {
        var (status, body) = await _server.SendAsync(HttpMethod.Put, "devices/PA-VM/clock", """{"now":"2026-11-27T19:00:00Z"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T19:00:00Z"));
        Assert.That(_server.Busy.Device.Clock.UtcNow, Is.EqualTo(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task SettingTheClockBackIsAConflict()
    {
        var (status, body) = await _server.SendAsync(HttpMethod.Put, "devices/PA-VM/clock", """{"now":"2026-11-27T18:00:00Z"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("now: the clock cannot go back: it is 2026-11-27T18:56:14Z, 2026-11-27T18:00:00Z is earlier"));
    }

    [Test]
    public async Task SettingTheClockToNonsenseIsABadRequest()
    {
        var (status, body) = await _server.SendAsync(HttpMethod.Put, "devices/PA-VM/clock", """{"now":"tomorrow"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("now: `tomorrow` is not an instant (2026-11-27T19:00:00Z)"));
    }

    [Test]
    public async Task StopsAndStartsTheGenerator()
    {
        var (stopped, afterStop) = await _server.PostAsync("devices/PA-VM/generator/stop");
        Assert.That(stopped, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterStop.GetProperty("generator-running").GetBoolean(), Is.False);
        Assert.That(_server.Busy.Generator, Is.Null);

        var (started, afterStart) = await _server.PostAsync("devices/PA-VM/generator/start", """{"seed":5}""");
        Assert.That(started, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterStart.GetProperty("generator-running").GetBoolean(), Is.True);
        Assert.That(_server.Busy.Generator?.Profile.Seed, Is.EqualTo(5));

        var (startedQuiet, quiet) = await _server.PostAsync("devices/PA-VM-2/generator/start");
        Assert.That(startedQuiet, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(quiet.GetProperty("generator-running").GetBoolean(), Is.True);
    }

    [TestCase("devices/PA-VM/generator/start", """{"seed":-1}""", "seed: -1 is out of range (0 to 2147483647)")]
    [TestCase("devices/PA-VM/generator/start", """{"seed":"five"}""", "seed: `\"five\"` is not a whole number")]
    [TestCase("devices/PA-VM/generator/stop", """{"now":true}""", "unknown property `now`; this endpoint takes none")]
    public async Task TheGeneratorRefusesBadInput(string path, string json, string error)
    {
        var (status, body) = await _server.PostAsync(path, json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
        Assert.That(_server.Busy.Generator, Is.Not.Null);
    }

    [Test]
    public async Task ResetRebuildsTheDeviceFromItsDescription()
    {
        await _server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson());
        await _server.PostAsync("devices/PA-VM-2/clock/advance", """{"by":"1h"}""");
        var before = _server.Quiet.Device;

        var (status, body) = await _server.PostAsync("devices/PA-VM-2/reset");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.Quiet.Device, Is.Not.SameAs(before));
        Assert.That(body.GetProperty("live-sessions").GetInt32(), Is.Zero);
        Assert.That(body.GetProperty("clock").GetString(), Is.EqualTo("2026-11-27T18:56:14Z"));
    }

    [Test]
    public async Task ResettingAnUnknownDeviceIsNotFound()
    {
        var (status, body) = await _server.PostAsync("devices/nope/reset");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("no device named `nope`"));
    }

    [Test]
    public async Task AnUnknownEndpointAnswersWithAJsonError()
    {
        var (status, body) = await _server.GetAsync("nothing/here");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("no such endpoint: GET /nothing/here"));
    }

    [Test]
    public async Task AWrongMethodAnswersWithAJsonError()
    {
        var (status, body) = await _server.SendAsync(HttpMethod.Delete, "devices/PA-VM");

        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("DELETE is not allowed on /devices/PA-VM"));
    }

    [Test]
    public async Task AnExceptionBecomesA500WithAJsonBody()
    {
        var device = _server.Quiet.Device;
        device.Schedule.At(device.Clock.UtcNow, _ => throw new InvalidOperationException("boom"));

        var (status, body) = await _server.GetAsync("devices/PA-VM-2");

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("internal error: InvalidOperationException: boom"));
    }

    [Test]
    public async Task ABodyThatIsNotJsonIsAnUnsupportedMediaType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "devices/PA-VM/clock/advance")
        {
            Content = new StringContent("by=90s", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var (status, body) = await _server.SendAsync(request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("the body must be Content-Type: application/json (given: `application/x-www-form-urlencoded; charset=utf-8`)"));
    }

    [Test]
    public async Task ABodyOver64KilobytesIsTooLarge()
    {
        var json = "{\"by\":\"" + new string('9', 64 * 1024) + "s\"}";

        var (status, body) = await _server.PostAsync("devices/PA-VM/clock/advance", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("the body is larger than 65536 bytes"));
    }

    [Test]
    public async Task AChunkedBodyOver64KilobytesIsTooLarge()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"by\":\"" + new string('9', 70_000) + "s\"}")));
        content.Headers.ContentType = ControlApiTestServer.JsonType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "devices/PA-VM/clock/advance") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var (status, body) = await _server.SendAsync(request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("the body is larger than 65536 bytes"));
    }

    [Test]
    public async Task DisposingReleasesThePort()
    {
        var port = _server.Host.BaseAddress.Port;
        await _server.DisposeAsync();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        Assert.That(() => listener.Start(), Throws.Nothing);
        listener.Stop();
        _server = await ControlApiTestServer.StartAsync();
    }
}
