using System.Net;
using VirtualFirewall.Tests.Control;

namespace VirtualFirewall.Tests.Security;

/// <summary>The control API answers requests addressed to loopback names only: a rebound DNS name (a web page driving it) gets 403.</summary>
[TestFixture]
public sealed class ControlApiHostHeaderTests
{
    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    [TestCase("[::1]")]
    public async Task LoopbackNamesAreServed(string host)
    {
        await using var server = await ControlApiTestServer.StartAsync();

        using var response = await server.Client.SendAsync(Request(server, host));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("attacker.example")]
    [TestCase("rebound.attacker.example")]
    [TestCase("192.0.2.1")]
    public async Task OtherNamesAreRefused(string host)
    {
        await using var server = await ControlApiTestServer.StartAsync();

        using var response = await server.Client.SendAsync(Request(server, host));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"error\"").And.Contain(host));
    }

    private static HttpRequestMessage Request(ControlApiTestServer server, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "devices");
        request.Headers.Host = $"{host}:{server.Host.BaseAddress.Port}";
        return request;
    }
}
