using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtualFirewall.Emulator.Control;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;

namespace VirtualFirewall.Tests.Control;

/// <summary>
/// The control API on a loopback port the OS picks, over two default devices on fixed clocks:
/// <c>PA-VM</c> with its traffic generator and <c>PA-VM-2</c> without one (a quiet session table).
/// </summary>
internal sealed class ControlApiTestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    private ControlApiTestServer(IReadOnlyList<HostedDevice> devices, ControlApiHost host)
    {
        Devices = devices;
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public IReadOnlyList<HostedDevice> Devices { get; }

    public HostedDevice Busy => Devices[0];

    public HostedDevice Quiet => Devices[1];

    public ControlApiHost Host { get; }

    public HttpClient Client { get; }

    public static DeviceDescription FixedClock { get; } = DefaultDevice.Description with
    {
        Clock = new ClockDescription { Mode = "fixed", Start = Start },
    };

    public static async Task<ControlApiTestServer> StartAsync()
    {
        HostedDevice[] devices =
        [
            new("PA-VM", FixedClock, TimeProvider.System),
            new("PA-VM-2", FixedClock with
            {
                Identity = FixedClock.Identity with { Hostname = "PA-VM-2" },
                Traffic = FixedClock.Traffic with { Profile = "none" },
            }, TimeProvider.System),
        ];
        var host = await ControlApiHost.StartAsync(devices, 0, CancellationToken.None);
        return new ControlApiTestServer(devices, host);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    /// <summary>A session body, with <paramref name="extra"/> properties (<c>"id":4632</c>) added or replacing the defaults.</summary>
    public static string SessionJson(string extra = "")
    {
        var session = new JsonObject
        {
            ["from"] = "trust",
            ["to"] = "untrust",
            ["source"] = "10.1.1.20",
            ["source-port"] = 50104,
            ["destination"] = "203.0.113.80",
            ["destination-port"] = 443,
            ["application"] = "ssl",
            ["rule"] = "allow-web",
        };
        foreach (var (name, value) in JsonNode.Parse("{" + extra + "}")!.AsObject())
        {
            session[name] = value?.DeepClone();
        }

        return session.ToJsonString();
    }

    public static MediaTypeHeaderValue JsonType => new("application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
