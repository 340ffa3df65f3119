using System.CommandLine;
using System.Net;
using NLog;
using VirtualFirewall.Emulator.Control;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Persistence;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Compare;
using VirtualFirewall.Emulator.Recording.Recorder;

namespace VirtualFirewall.Emulator;

public static class Program
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

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
        var legacyAlgorithms = new Option<bool>("--legacy-algorithms") { Description = "Also offer the SSH algorithms left out by default because ssh-audit flags them: ecdh-sha2-nistp256/384/521, the ecdsa-sha2-nistp256 host key, hmac-sha2-256/512 (encrypt-and-MAC)." };
        var noTelnet = new Option<bool>("--no-telnet") { Description = "Do not serve Telnet." };
        var noSsh = new Option<bool>("--no-ssh") { Description = "Do not serve SSH." };
        var loginBanner = new Option<string?>("--login-banner") { Description = "Text shown before authentication (SSH banner, above Telnet's login prompt)." };
        var ackLoginBanner = new Option<bool>("--ack-login-banner") { Description = "SSH keyboard-interactive asks to acknowledge the banner before the password (as PAN-OS with ack-login-banner)." };
        var noRepaint = new Option<bool>("--no-repaint") { Description = "Do not repaint the line after each word outside scripting mode (a forgiving device; real PAN-OS repaints)." };
        var stateDir = new Option<string?>("--state-dir") { Description = "Keep the running configuration here: saved at every commit, loaded at start. Without it every start uses the default configuration." };
        var haState = new Option<string?>("--ha-state") { Description = "Show the device as an HA member in this state: the prompt becomes user@host(<state>)> ." };
        haState.AcceptOnlyFromAmong("active", "passive", "active-primary", "active-secondary", "initial", "non-functional", "tentative", "suspended");

        var deviceFile = new Option<string?>("--device") { Description = "A device description file (YAML); without it, the embedded default device (see --print-default)." };
        var printDefault = new Option<bool>("--print-default") { Description = "Write the embedded default device description to standard output and exit." };
        var inventory = new Option<string?>("--inventory") { Description = "An inventory file (YAML): the devices to serve, each with its own description and ports." };
        var devices = new Option<int>("--devices")
        {
            Description = "Serve this many devices from one description: hostnames <hostname>-001, ... on consecutive ports from --ssh-port and --telnet-port.",
            DefaultValueFactory = _ => 1,
        };
        var devicesOffset = new Option<int>("--devices-offset") { Description = "The fleet index of this process's first device (its number is offset + 1)." };
        var maxConnections = new Option<int>("--max-connections")
        {
            Description = "Connections each device accepts at once over SSH, and over Telnet (beyond it a new one is refused).",
            DefaultValueFactory = _ => 256,
        };
        maxConnections.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                result.AddError("--max-connections must be from 1 to 100000.");
            }
        });
        var controlPort = new Option<int?>("--control-port") { Description = "Serve the control API (HTTP/JSON, 127.0.0.1 only) on this port; off by default." };
        var record = new Option<string?>("--record") { Description = "Write every interactive session to this directory as a golden transcript (passwords never written)." };
        var offsetFromHostname = new Option<bool>("--devices-offset-from-hostname") { Description = "Take --devices-offset from the StatefulSet ordinal at the end of $HOSTNAME (vfw-3 serves devices 3n to 4n-1)." };

        var root = new RootCommand("VirtualFirewall: a PAN-OS firewall CLI emulator for network automation tests.")
        {
            listen,
            telnetPort,
            sshPort,
            hostKeyDir,
            legacyAlgorithms,
            noTelnet,
            noSsh,
            loginBanner,
            ackLoginBanner,
            noRepaint,
            haState,
            stateDir,
            deviceFile,
            printDefault,
            inventory,
            devices,
            devicesOffset,
            offsetFromHostname,
            record,
            controlPort,
            maxConnections,
        };
        root.SetAction(async (parsed, cancellation) =>
        {
            if (parsed.GetValue(printDefault))
            {
                await Console.Out.WriteAsync(DefaultDevice.Text).ConfigureAwait(false);
                return 0;
            }

            if (!IPAddress.TryParse(parsed.GetValue(listen), out var address))
            {
                await Console.Error.WriteLineAsync($"--listen: not an IP address: {parsed.GetValue(listen)}").ConfigureAwait(false);
                return 2;
            }

            var overrides = new DescriptionOverrides(
                parsed.GetValue(noRepaint) ? false : null,
                parsed.GetValue(ackLoginBanner) ? true : null,
                parsed.GetValue(loginBanner),
                parsed.GetValue(haState));
            IReadOnlyList<InventoryEntry> entries;
            try
            {
                entries = Plan(
                    parsed.GetValue(deviceFile),
                    parsed.GetValue(inventory),
                    parsed.GetValue(devices),
                    parsed.GetValue(offsetFromHostname) ? InventoryPlan.OffsetFor(InventoryPlan.OrdinalFromHostname(Environment.GetEnvironmentVariable("HOSTNAME") ?? System.Net.Dns.GetHostName()), parsed.GetValue(devices)) : parsed.GetValue(devicesOffset),
                    parsed.GetValue(noSsh) ? null : parsed.GetValue(sshPort),
                    parsed.GetValue(noTelnet) ? null : parsed.GetValue(telnetPort),
                    overrides);
            }
            catch (Exception e) when (e is DescriptionException or ArgumentException)
            {
                // A bad description or option: say where and why, and refuse to start.
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }

            return await ServeAsync(
                entries,
                parsed.GetValue(stateDir),
                address,
                !parsed.GetValue(noSsh),
                parsed.GetValue(hostKeyDir)!,
                parsed.GetValue(legacyAlgorithms),
                parsed.GetValue(record),
                parsed.GetValue(controlPort),
                parsed.GetValue(maxConnections),
                cancellation).ConfigureAwait(false);
        });

        var transcriptPaths = new Argument<string[]>("paths") { Description = "Transcript files, or directories searched for *.txt.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Replay golden transcripts against the emulator; print PASS or the first difference per file.") { transcriptPaths };
        check.SetAction(parsed => TranscriptChecker.Check(parsed.GetValue(transcriptPaths)!, Console.Out) == 0 ? 0 : 1);
        root.Subcommands.Add(new Command("transcript", "Work with transcripts.") { check, CompareCommand.Create() });

        // ServeAsync handles SIGINT and SIGTERM itself: System.CommandLine's handler would end the process after 2 s with 130 or 143.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    /// <summary>The devices to serve, from an inventory file, or n copies of one description.</summary>
    private static IReadOnlyList<InventoryEntry> Plan(string? deviceFile, string? inventoryFile, int count, int offset, int? sshPort, int? telnetPort, DescriptionOverrides overrides)
    {
        if (inventoryFile is not null)
        {
            if (deviceFile is not null || count != 1)
            {
                throw new ArgumentException("--inventory lists the devices and their descriptions: leave out --device and --devices.");
            }

            return [.. InventoryFile.Read(inventoryFile).Select(e => e with
            {
                Description = overrides.Apply(e.Description),
                SshPort = sshPort is null ? null : e.SshPort,
                TelnetPort = telnetPort is null ? null : e.TelnetPort,
            })];
        }

        var description = overrides.Apply(deviceFile is null ? DefaultDevice.Description : DeviceDescriptionReader.ReadFile(deviceFile));
        if (count == 1 && offset == 0)
        {
            return [new InventoryEntry(description.Identity.Hostname ?? "PA-VM", description, sshPort, telnetPort)];
        }

        return [.. InventoryPlan.Create(count, offset, description.Identity.Hostname ?? "PA-VM", sshPort, telnetPort)
            .Select(p => new InventoryEntry(p.Hostname, description with { Identity = description.Identity with { Hostname = p.Hostname } }, p.SshPort, p.TelnetPort))];
    }

    private static async Task<int> ServeAsync(IReadOnlyList<InventoryEntry> entries, string? stateDirectory, IPAddress address, bool serveSsh, string hostKeyDirectory, bool legacyAlgorithms, string? recordDirectory, int? controlPort, int maxConnections, CancellationToken cancellation)
    {
        // SIGTERM and Ctrl-C stop the listeners in order: SSH clients get DISCONNECT 11, Telnet clients a
        // line, recordings are written; the process then exits 0.
        using var terminated = new CancellationTokenSource();
        void Terminate(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            terminated.Cancel();
        }

        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Terminate);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Terminate);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, terminated.Token);

        var started = System.Diagnostics.Stopwatch.StartNew();
        HostedDevice[] hosted;
        try
        {
            hosted = Build(entries, stateDirectory);
            if (hosted.Length > 1)
            {
                // Building a fleet leaves hundreds of MB of garbage (each device simulates an hour of traffic):
                // collect it once and give it back to the OS, so an idle fleet stays small.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            await Console.Error.WriteLineAsync(e.InnerExceptions[0].Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or DescriptionException)
        {
            // A bad state directory or description: say why and refuse to start, without a stack trace.
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        VirtualFirewall.Ssh.SshServerOptions? sshOptions = null;
        if (serveSsh && hosted.Any(d => d.SshPort is not null))
        {
            try
            {
                sshOptions = EmulatorSshOptions.Create(HostKeyStore.LoadOrCreate(hostKeyDirectory), legacyAlgorithms);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        }

        FleetHost? fleet = null;
        ControlApiHost? control = null;
        try
        {
            fleet = await FleetHost.StartAsync(
                hosted,
                address,
                sshOptions,
                recordDirectory is null ? null : (device, options) => options with { Recording = new TranscriptRecorderOptions(recordDirectory) { DeviceName = device.Description.SourcePath is { } file ? Path.GetFullPath(file) : "default" } },
                maxConnections).ConfigureAwait(false);
            var prefix = hosted.Length == 1 ? string.Empty : "{0}: ";
            foreach (var device in hosted)
            {
                var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, prefix, device.Name);
                if (device.SshPort is { } ssh)
                {
                    Console.WriteLine($"{name}ssh listening on {new IPEndPoint(address, ssh)}");
                }

                if (device.TelnetPort is { } telnet)
                {
                    Console.WriteLine($"{name}telnet listening on {new IPEndPoint(address, telnet)}");
                }
            }

            if (fleet.Ssh.Count == 0 && fleet.Telnet.Count == 0)
            {
                Console.WriteLine("no listener enabled");
            }
            else if (hosted.Length > 1)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"serving {hosted.Length} devices, started in {started.Elapsed.TotalSeconds:0.0} s"));
            }

            Log.Info("{0} devices started in {1} ms", hosted.Length, started.ElapsedMilliseconds);
            if (controlPort is { } port)
            {
                control = await ControlApiHost.StartAsync(hosted, port, stopping.Token).ConfigureAwait(false);
                Console.WriteLine($"control API listening on {control.BaseAddress}");
            }

            foreach (var warning in ExposureWarnings.For(address, fleet.Ssh.Count > 0, fleet.Telnet.Count > 0))
            {
                Log.Warn(warning);
            }

            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.Info("stopping");
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
        {
            await Console.Error.WriteLineAsync($"cannot listen: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (control is not null)
            {
                await control.DisposeAsync().ConfigureAwait(false);
            }

            if (fleet is not null)
            {
                try
                {
                    await fleet.DisposeAsync().AsTask().WaitAsync(ShutdownTimeout, CancellationToken.None).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    Log.Warn("connections still open {0} s after the shutdown began: exiting anyway", ShutdownTimeout.TotalSeconds);
                }
            }

            LogManager.Shutdown();
        }

        return 0;
    }

    /// <summary>Builds the devices (in parallel: each is independent and deterministic), each with its state directory.</summary>
    private static HostedDevice[] Build(IReadOnlyList<InventoryEntry> entries, string? stateDirectory)
    {
        var hosted = new HostedDevice[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            var entry = entries[i];
            var directory = stateDirectory is null ? null : entries.Count == 1 ? stateDirectory : Path.Combine(stateDirectory, entry.Name);
            hosted[i] = new HostedDevice(entry.Name, entry.Description, TimeProvider.System, device =>
            {
                if (directory is not null)
                {
                    new RunningConfigFile(directory).Attach(device);
                }

                return device;
            })
            {
                SshPort = entry.SshPort,
                TelnetPort = entry.TelnetPort,
            };
        });
        return hosted;
    }
}
