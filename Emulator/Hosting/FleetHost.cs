using System.Net;
using NLog;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// The listeners of every device a process serves: an SSH host and a Telnet host per device, on the
/// ports each <see cref="HostedDevice"/> asks for, sharing one set of host keys.
/// </summary>
public sealed class FleetHost : IAsyncDisposable
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    private readonly List<SshHost> _ssh = [];
    private readonly List<TelnetHost> _telnet = [];

    private FleetHost()
    {
    }

    public IReadOnlyList<SshHost> Ssh => _ssh;

    public IReadOnlyList<TelnetHost> Telnet => _telnet;

    /// <summary>
    /// Starts listening for each device on <paramref name="address"/>: SSH on its planned SSH port unless
    /// <paramref name="ssh"/> is null, Telnet on its planned Telnet port when it has one. The ports the
    /// OS gave (port 0) are written back to the devices. On a failure the hosts already started are stopped.
    /// </summary>
    /// <param name="devices">The devices, with <see cref="HostedDevice.SshPort"/> and <see cref="HostedDevice.TelnetPort"/> set to the ports wanted.</param>
    /// <param name="address">The address to bind.</param>
    /// <param name="ssh">The SSH options (host keys, algorithms: <see cref="EmulatorSshOptions"/>), or null for no SSH.</param>
    /// <param name="configure">Adjusts each host's options (recording, limits); may be null.</param>
    /// <param name="maxConnections">The connections each device's SSH host and Telnet host accept at once.</param>
    /// <returns>The running listeners.</returns>
    public static async Task<FleetHost> StartAsync(IReadOnlyList<HostedDevice> devices, IPAddress address, SshServerOptions? ssh, Func<HostedDevice, TelnetHostOptions, TelnetHostOptions>? configure = null, int maxConnections = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        ArgumentNullException.ThrowIfNull(devices);
        var fleet = new FleetHost();
        try
        {
            foreach (var device in devices)
            {
                if (ssh is not null && device.SshPort is { } sshPort)
                {
                    var host = new SshHost(device.Current, new IPEndPoint(address, sshPort), ssh, maxConnections)
                    {
                        Recording = configure?.Invoke(device, new TelnetHostOptions()).Recording,
                    };
                    host.Start();
                    fleet._ssh.Add(host);
                    device.SshPort = host.LocalEndpoint.Port;
                }
                else
                {
                    device.SshPort = null;
                }

                if (device.TelnetPort is { } telnetPort)
                {
                    var options = (configure?.Invoke(device, new TelnetHostOptions()) ?? new TelnetHostOptions()) with { MaxConnections = maxConnections };
                    var telnet = new TelnetHost(device.Current, new IPEndPoint(address, telnetPort), options);
                    telnet.Start();
                    fleet._telnet.Add(telnet);
                    device.TelnetPort = telnet.LocalEndpoint.Port;
                }
            }
        }
        catch
        {
            await fleet.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Log.Info("serving {0} devices: {1} SSH and {2} Telnet listeners", devices.Count, fleet._ssh.Count, fleet._telnet.Count);
        return fleet;
    }

    /// <summary>Stops every listener; SSH clients are told the server is going away.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_telnet.Select(t => t.DisposeAsync().AsTask()).Concat(_ssh.Select(s => s.DisposeAsync().AsTask()))).ConfigureAwait(false);
        _telnet.Clear();
        _ssh.Clear();
    }
}
