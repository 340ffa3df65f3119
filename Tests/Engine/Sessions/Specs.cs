using System.Net;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>Session specs and a table on a manual clock, shared by the session tests.</summary>
internal static class Specs
{
    /// <summary>The start of the session-tracker KB example, Mon Sep  9 16:39:06 2013.</summary>
    public static readonly DateTimeOffset Epoch = new(2013, 9, 9, 16, 39, 6, TimeSpan.Zero);

    public static IPAddress Ip(string text) => IPAddress.Parse(text);

    public static SessionSpec Tcp(bool established = true) =>
        new(Ip("192.168.210.103"), "trust", 4475, Ip("198.172.88.58"), "VPN", 80, 6)
        {
            Established = established,
            Application = "web-browsing",
            Rule = "TCP-logging",
        };

    public static SessionSpec Udp() =>
        new(Ip("10.0.0.5"), "trust", 53000, Ip("8.8.8.8"), "untrust", 53, 17) { Application = "dns", Rule = "allow-dns" };

    public static SessionSpec Icmp() =>
        new(Ip("192.168.1.20"), "Inside", 1, Ip("1.1.1.1"), "Outside", 31, 1) { Application = "ping", Rule = "Allow ping" };

    public static SessionSpec Of(int protocol) => protocol switch
    {
        6 => Tcp(),
        17 => Udp(),
        1 => Icmp(),
        _ => new(Ip("10.1.1.1"), "trust", 0, Ip("10.2.2.2"), "untrust", 0, protocol) { Application = "unknown-ip", Rule = "any" },
    };

    public static (ManualTimeProvider Clock, SessionTable Table, List<SessionEndedEventArgs> Ended) NewTable(SessionTableOptions? options = null)
    {
        var clock = new ManualTimeProvider(Epoch);
        var table = new SessionTable(clock, options);
        var ended = new List<SessionEndedEventArgs>();
        table.SessionEnded += (_, e) => ended.Add(e);
        return (clock, table, ended);
    }

    /// <summary>Moves the clock and runs the ager, as the Device does before each command.</summary>
    public static void Tick(this ManualTimeProvider clock, SessionTable table, int seconds)
    {
        clock.Advance(TimeSpan.FromSeconds(seconds));
        table.Advance();
    }
}
