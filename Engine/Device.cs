using System.Buffers;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Counters;
using VirtualFirewall.Engine.Handlers;
using VirtualFirewall.Engine.Jobs;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Scheduling;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Engine;

/// <summary>
/// One emulated firewall: the facade every host talks to. Many login sessions share a device, so
/// <see cref="Execute"/> runs one command at a time under the device's lock; handlers never block.
/// </summary>
public sealed class Device
{
    private readonly Lock _gate = new();

    public Device(DeviceIdentity identity, IEnumerable<UserAccount> users, TimeProvider time, int seed)
    {
        Identity = identity;
        Clock = new DeviceClock(time, identity.TimeZone);
        BootTime = time.GetUtcNow();
        Users = new UserDirectory(users);
        Random = new Random(seed);
        _engineTime = new CatchUpTimeProvider(time);
        Sessions = new SessionTable(_engineTime);
        Sessions.SessionEnded += (_, ended) => TrafficLog.AppendEnded(ended);
        Counters = new GlobalCounters(BootTime);
        Counters.Attach(Sessions);
        Jobs = new JobList(time, BootTime);
        Configuration = new DeviceConfiguration(DefaultConfiguration.Create(identity, Users.All));
        Network = DefaultNetwork.Create(identity);
    }

    private readonly CatchUpTimeProvider _engineTime;

    /// <summary>Replaced as a whole when the configuration changes it (hostname, HA state).</summary>
    public DeviceIdentity Identity { get; set; }

    /// <summary>Device-level CLI behaviour (line repaint and the like).</summary>
    public CliBehavior Behavior { get; set; } = new();
    public DeviceClock Clock { get; }
    public DateTimeOffset BootTime { get; }
    public UserDirectory Users { get; }
    public AdminSessionRegistry Admins { get; } = new();

    /// <summary>The device's only source of randomness, seeded so that runs repeat.</summary>
    public Random Random { get; }

    public SessionTable Sessions { get; }

    public TrafficLog TrafficLog { get; } = new();

    /// <summary>`show counter global`: counters that follow what the session engine did.</summary>
    public GlobalCounters Counters { get; }

    /// <summary>The running and candidate configurations (one candidate, shared by every administrator).</summary>
    public DeviceConfiguration Configuration { get; private set; }

    /// <summary>
    /// Saves a configuration being committed (the host's `--state-dir`); returns null when it is safely
    /// stored, else the reason the commit fails. Runs under the device lock, before the commit reports success.
    /// </summary>
    public Func<ConfigElement, string?>? SaveRunning { get; set; }

    /// <summary>
    /// Sets one value in the running and candidate configurations at start-up, as the host's options
    /// do (`--login-banner`). Returns the reason when the words do not fit the schema.
    /// </summary>
    public string? SetAtStartup(IReadOnlyList<string> words)
    {
        lock (_gate)
        {
            var walk = ConfigWalk.Run(words, withValues: true);
            if (walk.Error is { } error)
            {
                return error;
            }

            DeviceConfiguration.Set(Configuration.Running, walk.Path, walk.Assignments);
            DeviceConfiguration.Set(Configuration.Candidate, walk.Path, walk.Assignments);
            CommitEffects.Apply(this);
            return null;
        }
    }

    /// <summary>Named configuration files the host keeps (`--state-dir`); null when it keeps none.</summary>
    public IConfigFiles? ConfigFiles { get; set; }

    /// <summary>Starts from a stored running configuration instead of the default one.</summary>
    public void LoadRunning(ConfigElement running)
    {
        lock (_gate)
        {
            Configuration = new DeviceConfiguration(running);
            CommitEffects.Apply(this);
        }
    }

    /// <summary>`commit` and other jobs, in the order they were queued.</summary>
    public JobList Jobs { get; }

    /// <summary>Interfaces, routes, neighbour tables and licences behind the network show commands.</summary>
    public NetworkState Network { get; }

    /// <summary>Events a scenario scheduled on the device clock.</summary>
    public ScheduledEvents Schedule { get; } = new();

    /// <summary>
    /// Brings sessions and scheduled events up to the clock, in time order. Every command does this
    /// first; hosts on the real clock may also call it now and then.
    /// </summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            SessionTimeoutsSettings.Apply(Sessions, Configuration.Running);
            var now = Clock.UtcNow;
            try
            {
                while (Schedule.TryTakeDue(now, out var when, out var action))
                {
                    _engineTime.HeldAt = when;
                    Sessions.Advance();
                    action(this);
                }
            }
            finally
            {
                // An event that throws must not leave the engine's clock held in the past.
                _engineTime.HeldAt = null;
            }

            Sessions.Advance();
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the device under its lock, after catching up with the clock:
    /// how a host changes the device outside a command (a control API, a scenario).
    /// </summary>
    /// <typeparam name="T">What the action returns.</typeparam>
    /// <param name="action">The work; it must not block.</param>
    /// <returns>The action's result.</returns>
    public T Locked<T>(Func<Device, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            CatchUp();
            return action(this);
        }
    }

    /// <summary>Opens a login session for an authenticated user and renders the lines shown before the first prompt.</summary>
    public (CliSession Session, string Banner) Login(string user, string from, string client)
    {
        var now = Clock.UtcNow;
        var (previous, failed) = Users.RecordLogin(user, new LoginRecord(now, from));
        var session = Admins.Open(user, from, client, now);
        var defaultCredentials = Users.Find(user)?.HasDefaultCredentials ?? false;
        var view = new LoginBannerView(previous, previous is null ? null : Clock.ToLocal(previous.At), failed, defaultCredentials);
        return (session, LoginBannerRenderer.Render(view));
    }

    public void Logout(CliSession session) => Admins.Close(session);

    /// <summary>Renders the next piece of a streamed output under the device's lock. False once it is complete.</summary>
    /// <param name="output">The output a command returned in <see cref="CommandResult.Stream"/>.</param>
    /// <param name="utf8">Where the piece goes, as UTF-8.</param>
    /// <param name="lineEnd">How its lines end.</param>
    /// <returns>True while more follows.</returns>
    public bool ContinueOutput(StreamedOutput output, IBufferWriter<byte> utf8, LineEnd lineEnd)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(utf8);
        lock (_gate)
        {
            return output.WriteNext(utf8, lineEnd);
        }
    }

    public string Prompt(CliSession session) => PromptRenderer.Render(session.User, Identity.Hostname, session.Mode, Identity.HaState);

    /// <summary>Runs one command for <paramref name="session"/>.</summary>
    /// <param name="command">The parsed command.</param>
    /// <param name="session">Who runs it.</param>
    /// <param name="streamLargeOutput">True when the caller takes large listings piece by piece (<see cref="CommandResult.Stream"/>).</param>
    /// <returns>What the command produced.</returns>
    public CommandResult Execute(Command command, CliSession session, bool streamLargeOutput = false)
    {
        lock (_gate)
        {
            CatchUp();
            session.LastActivity = Clock.UtcNow;
            return command switch
            {
                ShowSystemInfoCommand => SystemHandler.ShowSystemInfo(this),
                ShowClockCommand => SystemHandler.ShowClock(this),
                ShowAdminsCommand => AdminsHandler.ShowAdmins(this),
                SetCliPagerCommand c => CliSettingsHandler.SetPager(session, c),
                SetCliScriptingModeCommand c => CliSettingsHandler.SetScriptingMode(session, c),
                SetCliTerminalWidthCommand c => CliSettingsHandler.SetWidth(session, c),
                SetCliTerminalHeightCommand c => CliSettingsHandler.SetHeight(session, c),
                ShowSessionIdCommand c => SessionHandler.ShowId(this, c),
                ShowSessionAllCommand c => SessionHandler.ShowAll(this, c, streamLargeOutput),
                ShowSessionInfoCommand => SessionHandler.ShowInfo(this),
                ClearSessionIdCommand c => SessionHandler.ClearId(this, c),
                ClearSessionAllCommand c => SessionHandler.ClearAll(this, c),
                ShowLogTrafficCommand c => LogHandler.ShowTraffic(this, c),
                ShowCounterGlobalCommand c => CounterHandler.ShowGlobal(this, Counters, c),
                ExitCommand => CommandResult.EndSession,
                ConfigureCommand => ConfigurationHandler.Enter(session),
                ExitConfigurationCommand c => ConfigurationHandler.Leave(session, c),
                ConfigSetCommand c => ConfigurationHandler.Set(this, c),
                ConfigDeleteCommand c => ConfigurationHandler.Delete(this, c),
                ConfigEditCommand c => ConfigurationHandler.Edit(session, c),
                ConfigRenameCommand c => ConfigurationHandler.Rename(this, c),
                ConfigMoveCommand c => ConfigurationHandler.Move(this, c),
                ConfigUpCommand c => ConfigurationHandler.Up(session, c),
                ConfigShowCommand c => ConfigurationHandler.Show(this, session, c),
                ShowConfigCommand c => ConfigurationHandler.ShowConfig(this, session, c),
                ShowConfigDiffCommand => ConfigurationHandler.ShowDiff(this),
                LoadConfigCommand c => ConfigurationHandler.Load(this, c),
                ValidateCommand => ConfigurationHandler.Validate(this),
                SaveConfigCommand c => ConfigurationHandler.Save(this, c),
                SetCliConfigOutputFormatCommand c => ConfigurationHandler.SetOutputFormat(session, c),
                RevertConfigCommand => ConfigurationHandler.Revert(this),
                CommitCommand c => ConfigurationHandler.Commit(this, c),
                SetUserPasswordCommand c => ConfigurationHandler.SetPassword(this, c),
                _ => NetworkHandler.TryExecute(this, command) ?? PolicyHandler.TryExecute(this, command) ?? new CommandResult(Messages.InvalidSyntax),
            };
        }
    }
}
