using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>How a <see cref="FirewallUnderTest"/> is built: its traffic, its clock and the limits of its hosts.</summary>
internal sealed record FirewallSetup
{
    /// <summary>The generator's rate; 0 for a device with no traffic at all.</summary>
    public double SessionsPerMinute { get; init; }

    /// <summary>A fixed clock (at <see cref="FirewallUnderTest.Start"/>, moved only by the test) or the host's.</summary>
    public bool FixedClock { get; init; } = true;

    public SshLimits SshLimits { get; init; } = new() { AuthFailureDelay = TimeSpan.FromMilliseconds(10) };

    public TelnetHostOptions Telnet { get; init; } = new() { FailureDelay = TimeSpan.FromMilliseconds(10) };

    /// <summary>`--max-connections` for the SSH host (the Telnet host takes <see cref="TelnetHostOptions.MaxConnections"/>).</summary>
    public int MaxSshConnections { get; init; } = 256;

    public int MaxUnauthenticated { get; init; } = 32;
}
