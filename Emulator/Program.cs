using System.CommandLine;
using System.Net;
using NLog;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Persistence;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Emulator;

public static class Program
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    public static async Task<int> Main(string[] args)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address the listeners bind to. Anything but loopback exposes the emulator to the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var telnetPort = new Option<int>("--telnet-port")
        {
            Description = "Telnet port (0 = any free port).",
            DefaultValueFactory = _ => 2323,
        };
        var sshPort = new Option<int>("--ssh-port")
        {
            Description = "SSH port (0 = any free port).",
            DefaultValueFactory = _ => 2222,
        };
        var hostKeyDir = new Option<string>("--host-key-dir")
        {
            Description = "Directory of the SSH host keys, made on first run.",
            DefaultValueFactory = _ => HostKeyStore.DefaultDirectory,
        };
        var noTelnet = new Option<bool>("--no-telnet") { Description = "Do not serve Telnet." };
        var noSsh = new Option<bool>("--no-ssh") { Description = "Do not serve SSH." };
        var loginBanner = new Option<string?>("--login-banner") { Description = "Text shown before authentication (SSH banner, above Telnet's login prompt)." };
        var ackLoginBanner = new Option<bool>("--ack-login-banner") { Description = "SSH keyboard-interactive asks to acknowledge the banner before the password (as PAN-OS with ack-login-banner)." };
        var noRepaint = new Option<bool>("--no-repaint") { Description = "Do not repaint the line after each word outside scripting mode (a forgiving device; real PAN-OS repaints)." };
        var stateDir = new Option<string?>("--state-dir") { Description = "Keep the running configuration here: saved at every commit, loaded at start. Without it every start uses the default configuration." };
        var haState = new Option<string?>("--ha-state") { Description = "Show the device as an HA member in this state: the prompt becomes user@host(<state>)> ." };
        haState.AcceptOnlyFromAmong("active", "passive", "active-primary", "active-secondary", "initial", "non-functional", "tentative", "suspended");

        var root = new RootCommand("VirtualFirewall: a PAN-OS firewall CLI emulator for network automation tests.")
        {
            listen,
            telnetPort,
            sshPort,
            hostKeyDir,
            noTelnet,
            noSsh,
            loginBanner,
            ackLoginBanner,
            noRepaint,
            haState,
            stateDir,
        };
        root.SetAction(async (parsed, cancellation) =>
        {
            if (!IPAddress.TryParse(parsed.GetValue(listen), out var address))
            {
                await Console.Error.WriteLineAsync($"--listen: not an IP address: {parsed.GetValue(listen)}").ConfigureAwait(false);
                return 2;
            }

            var behavior = new CliBehavior
            {
                RepaintWords = !parsed.GetValue(noRepaint),
                AcknowledgeBanner = parsed.GetValue(ackLoginBanner),
            };
            var state = parsed.GetValue(stateDir);
            return await ServeAsync(
                device => Configure(device, behavior, parsed.GetValue(haState), state, parsed.GetValue(loginBanner)),
                address,
                parsed.GetValue(noTelnet) ? null : parsed.GetValue(telnetPort),
                parsed.GetValue(noSsh) ? null : parsed.GetValue(sshPort),
                parsed.GetValue(hostKeyDir)!,
                cancellation).ConfigureAwait(false);
        });

        var transcriptPaths = new Argument<string[]>("paths") { Description = "Transcript files, or directories searched for *.txt.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Replay golden transcripts against the emulator; print PASS or the first difference per file.") { transcriptPaths };
        check.SetAction(parsed => TranscriptChecker.Check(parsed.GetValue(transcriptPaths)!, Console.Out) == 0 ? 0 : 1);
        root.Subcommands.Add(new Command("transcript", "Work with transcripts.") { check });

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static Device Configure(Device device, CliBehavior behavior, string? haState, string? stateDirectory, string? loginBanner)
    {
        device.Behavior = behavior;
        device.Identity = device.Identity with { HaState = haState };
        if (stateDirectory is not null)
        {
            new RunningConfigFile(stateDirectory).Attach(device);
        }

        // The banner is configuration (`deviceconfig system login-banner`), so a commit keeps it.
        if (loginBanner is not null && device.SetAtStartup(["deviceconfig", "system", "login-banner", loginBanner]) is { } error)
        {
            throw new ArgumentException("--login-banner: " + error.Trim());
        }

        return device;
    }

    private static async Task<int> ServeAsync(Func<Device, Device> configure, IPAddress address, int? telnetPort, int? sshPort, string hostKeyDirectory, CancellationToken cancellation)
    {
        using var terminated = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                terminated.Cancel();
            });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, terminated.Token);

        Device device;
        try
        {
            device = configure(DefaultDevice.Create(TimeProvider.System));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A bad state directory or option value: say why and refuse to start, without a stack trace.
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        TelnetHost? telnet = null;
        SshHost? ssh = null;
        try
        {
            if (sshPort is { } sshListenPort)
            {
                IReadOnlyList<VirtualFirewall.Ssh.Algorithms.HostKeys.HostKey> keys;
                try
                {
                    keys = HostKeyStore.LoadOrCreate(hostKeyDirectory);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                    return 1;
                }

                ssh = new SshHost(device, new IPEndPoint(address, sshListenPort), new VirtualFirewall.Ssh.SshServerOptions { HostKeys = keys });
                ssh.Start();
                Console.WriteLine($"ssh listening on {ssh.LocalEndpoint}");
                Log.Info("ssh listening on {0}", ssh.LocalEndpoint);
            }

            if (telnetPort is { } port)
            {
                telnet = new TelnetHost(device, new IPEndPoint(address, port));
                telnet.Start();
                Console.WriteLine($"telnet listening on {telnet.LocalEndpoint}");
                Log.Info("telnet listening on {0}", telnet.LocalEndpoint);
                if (!IPAddress.IsLoopback(address))
                {
                    Log.Warn("telnet is exposed beyond loopback on {0}: anyone who can reach it can log in with cleartext passwords", address);
                }
            }
            else if (ssh is null)
            {
                Console.WriteLine("no listener enabled");
            }

            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.Info("stopping");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await Console.Error.WriteLineAsync($"cannot listen: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (telnet is not null)
            {
                await telnet.DisposeAsync().ConfigureAwait(false);
            }

            if (ssh is not null)
            {
                await ssh.DisposeAsync().ConfigureAwait(false);
            }

            LogManager.Shutdown();
        }

        return 0;
    }
}
