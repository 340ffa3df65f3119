using System.Globalization;
using System.Net;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Tests.Hosting;

namespace VirtualFirewall.Tests.Security;

/// <summary>Without `--listen`, SSH, Telnet and the control API listen on loopback only; any other address draws a warning per listener.</summary>
[TestFixture]
public sealed class ListenerBindingTests
{
    [Test]
    public async Task ByDefaultEveryListenerIsBoundToLoopbackOnly()
    {
        var keys = Directory.CreateTempSubdirectory("vf-bind-keys-");
        try
        {
            await using var emulator = EmulatorProcess.Start(["--ssh-port", "0", "--telnet-port", "0", "--control-port", "0", "--host-key-dir", keys.FullName]);
            int[] ports =
            [
                await emulator.PortAsync("ssh", TimeSpan.FromSeconds(60)),
                await emulator.PortAsync("telnet", TimeSpan.FromSeconds(30)),
                await emulator.PortAsync("control API", TimeSpan.FromSeconds(30)),
            ];

            // The kernel's view: each port's listening sockets, by local address.
            foreach (var port in ports)
            {
                Assert.That(ListeningAddresses(port), Is.EqualTo(new[] { IPAddress.Loopback }), $"port {port}");
            }

            Assert.That(await emulator.TerminateAsync(TimeSpan.FromSeconds(20)), Is.EqualTo(0));
            Assert.That(emulator.Error, Does.Not.Contain("exposed"));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [TestCase("127.0.0.1")]
    [TestCase("127.0.0.2")]
    [TestCase("::1")]
    public void LoopbackDrawsNoWarning(string address)
    {
        Assert.That(ExposureWarnings.For(IPAddress.Parse(address), servesSsh: true, servesTelnet: true), Is.Empty);
    }

    [TestCase("0.0.0.0")]
    [TestCase("192.0.2.10")]
    [TestCase("::")]
    public void AnyOtherAddressDrawsAWarningPerListenerKind(string address)
    {
        var both = ExposureWarnings.For(IPAddress.Parse(address), servesSsh: true, servesTelnet: true);
        var sshOnly = ExposureWarnings.For(IPAddress.Parse(address), servesSsh: true, servesTelnet: false);

        Assert.That(both, Has.Count.EqualTo(2));
        Assert.That(both[0], Does.StartWith($"ssh is exposed beyond loopback on {address}").And.Contain("admin/admin").And.Contain("SECURITY.md"));
        Assert.That(both[1], Does.StartWith($"telnet is exposed beyond loopback on {address}").And.Contain("cleartext"));
        Assert.That(sshOnly, Has.Count.EqualTo(1));
    }

    /// <summary>The local addresses of the TCP sockets listening on <paramref name="port"/>, from /proc/net/tcp and tcp6.</summary>
    private static List<IPAddress> ListeningAddresses(int port)
    {
        const string Listen = "0A";
        var addresses = new List<IPAddress>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == Listen && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    addresses.Add(ProcAddress(local[0]));
                }
            }
        }

        return addresses;
    }

    // /proc/net/tcp writes an address as 32-bit words in host (little-endian) order.
    private static IPAddress ProcAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }
}
