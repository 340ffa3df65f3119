using System.Net;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Benchmarks;

/// <summary>A table of many sessions spread over zones, applications and protocols, built deterministically.</summary>
public static class SessionTableFactory
{
    private static readonly string[] Zones = ["trust", "untrust", "dmz", "VPN"];
    private static readonly (string App, int Port, int Protocol)[] Apps =
        [("ssl", 443, 6), ("web-browsing", 80, 6), ("dns", 53, 17), ("ssh", 22, 6), ("ntp", 123, 17), ("ping", 0, 1)];

    public static SessionTable Create(int count, ManualTimeProvider clock)
    {
        var table = new SessionTable(clock, new SessionTableOptions { RecentlyEndedCapacity = 1000 });
        Fill(table, count);
        return table;
    }

    /// <summary>Opens <paramref name="count"/> more sessions of the same mix in <paramref name="table"/>.</summary>
    public static void Fill(SessionTable table, int count)
    {
        ArgumentNullException.ThrowIfNull(table);
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var (app, port, protocol) = Apps[i % Apps.Length];
            var source = new IPAddress((uint)(0x0A000000 + random.Next(1 << 20)));
            var destination = new IPAddress((uint)(0xCB007100 + random.Next(256)));
            table.Open(new SessionSpec(source, Zones[i % 2 == 0 ? 0 : 2], 1024 + (i % 60000), destination, Zones[1 + (i % 3)], port, protocol)
            {
                Application = app,
                Rule = "allow-" + app,
                Established = true,
            });
        }
    }
}
