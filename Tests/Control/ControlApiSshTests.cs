using System.Net;
using Renci.SshNet;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Control;

/// <summary>End to end: a session arranged through the control API is what an SSH client sees on the CLI.</summary>
[TestFixture]
public sealed class ControlApiSshTests
{
    [Test]
    public async Task ShowSessionIdOverSshShowsTheArrangedSession()
    {
        await using var server = await ControlApiTestServer.StartAsync();
        var options = new SshServerOptions { HostKeys = SshTestServer.HostKeys };
        await using var ssh = new SshHost(server.Quiet.Current, new IPEndPoint(IPAddress.Loopback, 0), options);
        ssh.Start();
        server.Quiet.SshPort = ssh.LocalEndpoint.Port;

        var (created, _) = await server.PostAsync("devices/PA-VM-2/sessions", ControlApiTestServer.SessionJson("\"id\":4632"));
        var (advanced, _) = await server.PostAsync("devices/PA-VM-2/clock/advance", """{"by":"90s"}""");
        var (ended, _) = await server.PostAsync("devices/PA-VM-2/sessions/4632/end", """{"stage":"tcp-rst-from-server"}""");
        var (_, device) = await server.GetAsync("devices/PA-VM-2");

        using var client = new SshClient(new ConnectionInfo("127.0.0.1", ssh.LocalEndpoint.Port, "admin", new PasswordAuthenticationMethod("admin", "admin")));
        client.Connect();
        using var command = client.RunCommand("show session id 4632");
        var lines = command.Result.Split('\n');

        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(advanced, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ended, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(device.GetProperty("ssh-port").GetInt32(), Is.EqualTo(ssh.LocalEndpoint.Port));
        Assert.That(command.ExitStatus, Is.Zero);
        Assert.That(lines, Does.Contain("Session            4632"));
        Assert.That(lines, Does.Contain("                source:      10.1.1.20 [trust]"));
        Assert.That(lines, Does.Contain("                sport:       50104           dport:      443"));
        Assert.That(lines, Does.Contain("                state:       INIT            type:       FLOW"));
        Assert.That(lines, Does.Contain("        application                          : ssl  "));
        Assert.That(lines, Does.Contain("        rule                                 : allow-web"));
        Assert.That(lines, Does.Contain("        session in session ager              : False"));
        Assert.That(lines, Does.Contain("        tracker stage firewall               : TCP RST - server"));
        Assert.That(lines, Does.Contain("        end-reason                           : tcp-rst-from-server"));
    }
}
