using System.Globalization;
using System.Runtime.CompilerServices;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// Applies `deviceconfig setting session timeout-tcp|timeout-udp|timeout-icmp|timeout-default` of
/// the running configuration to a session table, for the sessions it opens from then on. The table's
/// own timeouts (its options) are the base a configured value overrides and a deleted one returns to.
/// </summary>
public static class SessionTimeoutsSettings
{
    private static readonly ConditionalWeakTable<SessionTable, Applied> State = [];

    /// <summary>Cheap when the running configuration is the one applied last (a commit replaces the tree).</summary>
    public static void Apply(SessionTable table, ConfigElement running)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(running);
        var applied = State.GetOrCreateValue(table);
        if (ReferenceEquals(applied.Seen, running))
        {
            return;
        }

        applied.Seen = running;
        var session = running.Child("deviceconfig")?.Child("setting")?.Child("session");
        var (tcp, udp, icmp, other) = (Seconds(session, "timeout-tcp"), Seconds(session, "timeout-udp"), Seconds(session, "timeout-icmp"), Seconds(session, "timeout-default"));
        if (applied.Base is null && tcp is null && udp is null && icmp is null && other is null)
        {
            return;
        }

        var baseline = applied.Base ??= table.Timeouts;
        table.Timeouts = baseline with { Tcp = tcp ?? baseline.Tcp, Udp = udp ?? baseline.Udp, Icmp = icmp ?? baseline.Icmp, Default = other ?? baseline.Default };
    }

    private static int? Seconds(ConfigElement? session, string name) =>
        session?.Child(name)?.Value is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private sealed class Applied
    {
        public ConfigElement? Seen { get; set; }
        public SessionTimeouts? Base { get; set; }
    }
}
