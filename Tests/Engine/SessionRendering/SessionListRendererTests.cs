using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Tests.Engine.SessionRendering.SessionSamples;

namespace VirtualFirewall.Tests.Engine.SessionRendering;

/// <summary>`show session all [filter ...]` and `count yes` against panos-cli-reference.md §3.2.</summary>
[TestFixture]
public sealed class SessionListRendererTests
{
    private const string Head =
        "\n" +
        "--------------------------------------------------------------------------------\n" +
        "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])\n" +
        "Vsys                                          Dst[Dport]/Zone (translated IP[Port])\n" +
        "--------------------------------------------------------------------------------\n";

    /// <summary>KB kA10g000000PLnl `show session all filter type predict`, verbatim.</summary>
    [Test]
    public void PredictSessionKbSample()
    {
        const string expected =
            "\n" +
            "--------------------------------------------------------------------------------\n" +
            "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])\n" +
            "Vsys                                          Dst[Dport]/Zone (translated IP[Port])\n" +
            "--------------------------------------------------------------------------------\n" +
            "504          ftp-data       ACTIVE  PRED       10.59.59.132[0]/L3-DMZ/6  (10.59.59.132[0])\n" +
            "vsys1                                          172.16.59.100[16889]/L3-Inside  (172.16.59.100[16889])\n";

        Assert.That(SessionListRenderer.Render([SampleB()]), Is.EqualTo(expected));
    }

    /// <summary>vault27 `show session all filter application ping`, verbatim.</summary>
    [Test]
    public void SourceNatPingSample()
    {
        const string expected =
            "\n" +
            "--------------------------------------------------------------------------------\n" +
            "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])\n" +
            "Vsys                                          Dst[Dport]/Zone (translated IP[Port])\n" +
            "--------------------------------------------------------------------------------\n" +
            "20           ping           ACTIVE  FLOW  NS   192.168.1.20[1]/Inside/1  (10.2.62.150[1])\n" +
            "vsys1                                          1.1.1.1[26]/Outside  (1.1.1.1[26])\n";

        Assert.That(SessionListRenderer.Render([ListPing()]), Is.EqualTo(expected));
    }

    /// <summary>vault27 `show session all filter pbf-rule ISP2_webaccess`, verbatim.</summary>
    [Test]
    public void PbfRuleSample()
    {
        const string expected =
            "\n" +
            "--------------------------------------------------------------------------------\n" +
            "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])\n" +
            "Vsys                                          Dst[Dport]/Zone (translated IP[Port])\n" +
            "--------------------------------------------------------------------------------\n" +
            "9873         web-browsing   ACTIVE  FLOW  NS   192.168.0.7[4015]/trust/6  (172.16.31.2[7914])\n" +
            "vsys1                                          93.184.216.34[80]/ISP2  (93.184.216.34[80])\n";

        Assert.That(SessionListRenderer.Render([ListPbf()]), Is.EqualTo(expected));
    }

    /// <summary>EDL notes `show session all filter rule Server-Any-to-DMZ-EDL`, verbatim (no NAT, empty flag).</summary>
    [Test]
    public void NoNatEdlSample()
    {
        const string expected =
            "\n" +
            "--------------------------------------------------------------------------------\n" +
            "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])\n" +
            "Vsys                                          Dst[Dport]/Zone (translated IP[Port])\n" +
            "--------------------------------------------------------------------------------\n" +
            "323          ssh            ACTIVE  FLOW       192.168.193.25[39686]/Server/6  (192.168.193.25[39686])\n" +
            "vsys1                                          192.168.192.25[22]/DMZ  (192.168.192.25[22])\n";

        Assert.That(SessionListRenderer.Render([ListEdl()]), Is.EqualTo(expected));
    }

    [Test]
    public void SeveralSessionsFollowEachOtherWithoutSeparators()
    {
        var expected = Head +
            "20           ping           ACTIVE  FLOW  NS   192.168.1.20[1]/Inside/1  (10.2.62.150[1])\n" +
            "vsys1                                          1.1.1.1[26]/Outside  (1.1.1.1[26])\n" +
            "323          ssh            ACTIVE  FLOW       192.168.193.25[39686]/Server/6  (192.168.193.25[39686])\n" +
            "vsys1                                          192.168.192.25[22]/DMZ  (192.168.192.25[22])\n";

        Assert.That(SessionListRenderer.Render([ListPing(), ListEdl()]), Is.EqualTo(expected));
    }

    [TestCase("destination", "ND  ")]
    [TestCase("source + destination", "NB  ")]
    public void OtherNatFlagsTakeTheFlagColumn(string translation, string flag)
    {
        var edl = ListEdl();
        var session = new Session
        {
            Id = edl.Id,
            ClientToServer = edl.ClientToServer,
            ServerToClient = edl.ServerToClient,
            StartTime = edl.StartTime,
            TimeoutSeconds = edl.TimeoutSeconds,
            Application = "ssh",
            Translation = translation,
        };

        var actual = SessionListRenderer.Render([session]);

        Assert.That(actual, Does.Contain("\n323          ssh            ACTIVE  FLOW  " + flag + " 192.168.193.25[39686]/Server/6  ("));
    }

    [Test]
    public void LongApplicationNamePushesTheRowRightLikePrintf()
    {
        var edl = ListEdl();
        var session = new Session
        {
            Id = edl.Id,
            ClientToServer = edl.ClientToServer,
            ServerToClient = edl.ServerToClient,
            StartTime = edl.StartTime,
            TimeoutSeconds = edl.TimeoutSeconds,
            Application = "ms-office365-base",
        };

        var actual = SessionListRenderer.Render([session]);

        Assert.That(actual, Does.Contain("\n323          ms-office365-base ACTIVE  FLOW       192.168.193.25[39686]"));
    }

    /// <summary>EDL notes: `show session all filter rule ...` with no match.</summary>
    [Test]
    public void EmptyResultIsNoActiveSessions() =>
        Assert.That(SessionListRenderer.Render([]), Is.EqualTo("\nNo Active Sessions\n"));

    [Test]
    public void EmptyLazySequenceIsNoActiveSessions() =>
        Assert.That(SessionListRenderer.Render(Enumerable.Empty<Session>().Where(_ => true)), Is.EqualTo("\nNo Active Sessions\n"));

    [TestCase(0, "\nNumber of sessions that match filter: 0\n")]
    [TestCase(1, "\nNumber of sessions that match filter: 1\n")]
    [TestCase(23, "\nNumber of sessions that match filter: 23\n")]
    public void CountYes(int count, string expected) =>
        Assert.That(SessionCountRenderer.Render(count), Is.EqualTo(expected));

    /// <summary>EDL notes: `clear session all filter rule ...`.</summary>
    [Test]
    public void ClearPrintsSessionsCleared()
    {
        Assert.That(SessionClearRenderer.ClearAll, Is.EqualTo("\nsessions cleared\n"));
        Assert.That(SessionClearRenderer.ClearId, Is.EqualTo("\nsessions cleared\n"));
    }
}
