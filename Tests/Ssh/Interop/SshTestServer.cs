using System.Net;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>The default device served over SSH on a loopback port the OS picks, with host keys made once per test run.</summary>
internal sealed class SshTestServer : IAsyncDisposable
{
    private static readonly Lazy<IReadOnlyList<HostKey>> Keys = new(() =>
        [Ed25519HostKey.Generate(), EcdsaHostKey.Generate(), RsaHostKey.Generate()]);

    private SshTestServer(Device device, SshHost host)
    {
        Device = device;
        Host = host;
    }

    public static IReadOnlyList<HostKey> HostKeys => Keys.Value;

    /// <summary>What <see cref="Start"/> serves with by default: the emulator's default algorithms and host keys.</summary>
    public static SshServerOptions Options => EmulatorSshOptions.Create(HostKeys, legacyAlgorithms: false) with { Limits = FastLimits };

    /// <summary>Every algorithm and host key the library has (`--legacy-algorithms`), for the tests that force each one.</summary>
    public static SshServerOptions LegacyOptions => EmulatorSshOptions.Create(HostKeys, legacyAlgorithms: true) with { Limits = FastLimits };

    private static SshLimits FastLimits => new() { AuthFailureDelay = TimeSpan.FromMilliseconds(10) };

    public Device Device { get; }

    public SshHost Host { get; }

    public int Port => Host.LocalEndpoint.Port;

    public static SshTestServer Start(SshServerOptions? options = null, Device? device = null, int maxUnauthenticated = 32)
    {
        device ??= DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        options ??= Options;
        var host = new SshHost(device, new IPEndPoint(IPAddress.Loopback, 0), options, maxUnauthenticated: maxUnauthenticated);
        host.Start();
        return new SshTestServer(device, host);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
