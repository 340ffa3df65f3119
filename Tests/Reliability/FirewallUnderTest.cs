using System.Net;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// The whole emulator for one device, as `Program` wires it: a hosted device built from the default
/// description, its SSH host and its Telnet host on loopback ports the OS picks.
/// </summary>
internal sealed class FirewallUnderTest : IAsyncDisposable
{
    public const string Prompt = "admin@PA-VM> ";
    public const string ConfigPrompt = "admin@PA-VM# ";

    /// <summary>Where a fixed clock starts, and so what `show clock` prints until the test moves it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    public const string Clock = "Fri Nov 27 18:56:14 UTC 2026";

    /// <summary>The end of `show clock`'s line once the test has moved the clock (within the year).</summary>
    public const string AnyClock = " UTC 2026";

    private FirewallUnderTest(HostedDevice hosted, SshHost ssh, TelnetHost telnet)
    {
        Hosted = hosted;
        Ssh = ssh;
        Telnet = telnet;
    }

    public HostedDevice Hosted { get; }

    /// <summary>The device as it is now (the same object for the whole test: nothing resets it).</summary>
    public Device Device => Hosted.Device;

    public SshHost Ssh { get; }

    public TelnetHost Telnet { get; }

    public int SshPort => Ssh.LocalEndpoint.Port;

    public IPEndPoint TelnetEndpoint => Telnet.LocalEndpoint;

    public static FirewallUnderTest Launch(FirewallSetup? setup = null)
    {
        setup ??= new FirewallSetup();
        var description = DefaultDevice.Description with
        {
            Clock = setup.FixedClock ? new ClockDescription { Mode = "fixed", Start = Start } : new ClockDescription(),
            Traffic = setup.SessionsPerMinute > 0
                ? DefaultDevice.Description.Traffic with { SessionsPerMinute = setup.SessionsPerMinute }
                : new TrafficDescription { Profile = "none" },
        };
        var hosted = new HostedDevice("PA-VM", description, TimeProvider.System);
        var options = new SshServerOptions { HostKeys = SshTestServer.HostKeys, Limits = setup.SshLimits };
        var ssh = new SshHost(hosted.Current, new IPEndPoint(IPAddress.Loopback, 0), options, setup.MaxSshConnections, setup.MaxUnauthenticated);
        var telnet = new TelnetHost(hosted.Current, new IPEndPoint(IPAddress.Loopback, 0), setup.Telnet);
        ssh.Start();
        telnet.Start();
        return new FirewallUnderTest(hosted, ssh, telnet);
    }

    /// <summary>Waits until both hosts count no more than the given connections; false on timeout.</summary>
    public async Task<bool> WaitForConnectionsAsync(int ssh, int telnet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Ssh.ActiveConnections > ssh || Telnet.ActiveConnections > telnet)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Ssh.DisposeAsync();
        await Telnet.DisposeAsync();
    }
}
