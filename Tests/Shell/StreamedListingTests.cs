using System.Text;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine;

namespace VirtualFirewall.Tests.Shell;

/// <summary>
/// A shell that streams large listings (<see cref="CliShell.StreamsLargeOutput"/>) prints the same
/// bytes as one that renders them whole, takes keys typed meanwhile after the prompt, and stops on Ctrl-C.
/// </summary>
[TestFixture]
public sealed class StreamedListingTests
{
    private const string Prompt = "admin@PA-VM> ";

    /// <summary>A device whose table holds a few thousand sessions and stands still.</summary>
    public static Device LargeTable(int sessions = 3000)
    {
        var text = $"clock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\ntraffic:\n  resident-sessions: {sessions}\n";
        return DeviceFactory.Create(DeviceDescriptionReader.Read(text, file: null), TimeProvider.System).Device;
    }

    [Test]
    public void Resident_sessions_are_that_many_more_established_tcp_sessions()
    {
        var without = LargeTable(sessions: 0).Sessions.Scan().Count(IsEstablishedTcp);

        var with = LargeTable(sessions: 3000).Sessions.Scan().Count(IsEstablishedTcp);

        Assert.That(with - without, Is.EqualTo(3000));
    }

    [Test]
    public void A_streamed_listing_is_byte_for_byte_the_whole_one()
    {
        var device = LargeTable();
        var whole = Shell(device, streams: false);
        var streamed = Shell(device, streams: true);

        whole.Feed("show session all\nshow clock\n"u8);
        var expected = whole.TakeOutput();
        streamed.Feed("show session all\n"u8);
        Assert.That(streamed.IsStreaming, Is.True, "3,000 sessions are streamed");
        var pieces = 0;
        var output = new List<byte>(streamed.TakeOutput());
        while (streamed.IsStreaming)
        {
            streamed.ContinueOutput(64 * 1024);
            output.AddRange(streamed.TakeOutput());
            pieces++;
        }

        streamed.Feed("show clock\n"u8);
        output.AddRange(streamed.TakeOutput());

        Assert.That(pieces, Is.GreaterThan(2), "the listing came in several pieces");
        Assert.That(Encoding.UTF8.GetString([.. output]), Is.EqualTo(Encoding.UTF8.GetString(expected)));
    }

    [Test]
    public void Keys_typed_during_a_listing_run_after_its_prompt()
    {
        var device = LargeTable();
        var whole = Shell(device, streams: false);
        var streamed = Shell(device, streams: true);
        whole.Feed("show session all\nshow clock\n"u8);
        var expected = Encoding.UTF8.GetString(whole.TakeOutput());

        streamed.Feed("show session all\n"u8);
        streamed.Feed("show clock\n"u8);
        var output = new StringBuilder(Encoding.UTF8.GetString(streamed.TakeOutput()));
        while (streamed.IsStreaming)
        {
            streamed.ContinueOutput(64 * 1024);
            output.Append(Encoding.UTF8.GetString(streamed.TakeOutput()));
        }

        Assert.That(output.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Ctrl_c_ends_a_listing_with_a_new_prompt()
    {
        var device = LargeTable();
        var streamed = Shell(device, streams: true);

        streamed.Feed("show session all\n"u8);
        streamed.ContinueOutput(64 * 1024);
        streamed.TakeOutput();
        streamed.Feed([0x03]);
        var after = Encoding.UTF8.GetString(streamed.TakeOutput());

        Assert.That(streamed.IsStreaming, Is.False);
        Assert.That(after, Is.EqualTo("\r\n" + Prompt));
    }

    [Test]
    public void A_listing_through_a_pipe_or_the_pager_is_not_streamed()
    {
        var device = LargeTable();
        var piped = Shell(device, streams: true);
        var paged = Shell(device, streams: true, pagerOff: false);

        piped.Feed("show session all | match ssl\n"u8);
        paged.Feed("show session all\n"u8);

        Assert.That(piped.IsStreaming, Is.False);
        Assert.That(paged.IsStreaming, Is.False);
        Assert.That(Encoding.UTF8.GetString(paged.TakeOutput()), Does.EndWith("--more--"));
    }

    [Test]
    public void A_small_listing_is_written_at_once()
    {
        var device = LargeTable(sessions: 0);
        var streamed = Shell(device, streams: true);

        streamed.Feed("show session all\n"u8);

        Assert.That(streamed.IsStreaming, Is.False);
        Assert.That(Encoding.UTF8.GetString(streamed.TakeOutput()), Does.EndWith(Prompt));
    }

    private static bool IsEstablishedTcp(VirtualFirewall.Engine.Sessions.Session session) =>
        session.State == VirtualFirewall.Engine.Sessions.SessionState.Active && session.ClientToServer.Protocol == 6;

    private static CliShell Shell(Device device, bool streams, bool pagerOff = true)
    {
        var (session, _) = device.Login("admin", "127.0.0.1", "CLI");
        var shell = new CliShell(device, session) { StreamsLargeOutput = streams };
        shell.Start(string.Empty);
        if (pagerOff)
        {
            shell.Feed("set cli pager off\n"u8);
        }

        shell.TakeOutput();
        return shell;
    }
}
