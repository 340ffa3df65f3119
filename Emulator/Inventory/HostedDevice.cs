using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Traffic;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>
/// One device a process serves: its name, its description, and the device built from it, which
/// <see cref="Reset"/> replaces with a fresh one (logins from then on reach the new device; sessions
/// already open keep the old one until they end). The hosts look the device up through <see cref="Current"/>.
/// </summary>
public sealed class HostedDevice
{
    private readonly Func<Device, Device> _attach;
    private readonly TimeProvider _host;

    // Serialises Reset and the generator's start and stop, so neither pairs a generator with the wrong device.
    private readonly Lock _gate = new();
    private BuiltDevice _built;
    private TrafficGenerator? _generator;

    /// <param name="name">The device's name in the inventory (its hostname unless the description says otherwise).</param>
    /// <param name="description">What it is.</param>
    /// <param name="host">The host clock.</param>
    /// <param name="attach">What the host adds to each new device (a state directory); returns the device.</param>
    public HostedDevice(string name, DeviceDescription description, TimeProvider host, Func<Device, Device>? attach = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Description = description;
        _host = host;
        _attach = attach ?? (d => d);
        _built = Build();
        _generator = _built.Generator;
    }

    public string Name { get; }

    public DeviceDescription Description { get; }

    public Device Device => Volatile.Read(ref _built).Device;

    public AdjustableTimeProvider Clock => Volatile.Read(ref _built).Clock;

    /// <summary>The running traffic generator, or null when it is stopped or the description has none.</summary>
    public TrafficGenerator? Generator => _generator is { IsRunning: true } generator ? generator : null;

    /// <summary>The SSH port it is served on, once listening.</summary>
    public int? SshPort { get; set; }

    /// <summary>The Telnet port it is served on, once listening.</summary>
    public int? TelnetPort { get; set; }

    /// <summary>For the hosts: the device to serve a new connection.</summary>
    public Func<Device> Current => () => Device;

    /// <summary>Throws the device away and builds it again from its description, on a fresh clock.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var built = Build();
            Volatile.Write(ref _built, built);
            _generator = built.Generator;
        }
    }

    /// <summary>Starts the generator (with the description's profile) if none runs; a seed restarts it with that seed.</summary>
    /// <param name="seed">A new seed, or null to keep generating as before.</param>
    /// <returns>The running generator.</returns>
    public TrafficGenerator StartGenerator(int? seed)
    {
        lock (_gate)
        {
            return Device.Locked(device =>
            {
                if (seed is null && Generator is { } running)
                {
                    return running;
                }

                _generator?.Stop();
                _generator = TrafficGenerator.Start(device, Description.Traffic.GeneratorProfile(seed));
                return _generator;
            });
        }
    }

    /// <summary>Stops the generator; the sessions it opened live on and age out.</summary>
    public void StopGenerator()
    {
        lock (_gate)
        {
            Device.Locked(_ =>
            {
                _generator?.Stop();
                return true;
            });
        }
    }

    private BuiltDevice Build()
    {
        var built = DeviceFactory.Create(Description, _host);
        _attach(built.Device);
        return built;
    }
}
