using System.Text.RegularExpressions;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Tests.Engine.SessionRendering.SessionSamples;

namespace VirtualFirewall.Tests.Engine.SessionRendering;

/// <summary>`show session id` against the captures of panos-cli-reference.md §3.1 and the session-tracker KB.</summary>
[TestFixture]
public sealed partial class SessionDetailRendererTests
{
    private const string Modern = "10.2.10";
    private const string Legacy = "6.1.0";

    /// <summary>Sample A (vault27 paloalto.md @ b09aa792), everything after the echoed command, verbatim.</summary>
    private const string SampleAText =
        "\n" +
        "Session              25\n" +
        "\n" +
        "        c2s flow:\n" +
        "                source:      192.168.1.20 [Inside]\n" +
        "                dst:         1.1.1.1\n" +
        "                proto:       1\n" +
        "                sport:       1               dport:      31\n" +
        "                state:       INIT            type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        s2c flow:\n" +
        "                source:      1.1.1.1 [Outside]\n" +
        "                dst:         10.2.62.150\n" +
        "                proto:       1\n" +
        "                sport:       31              dport:      1\n" +
        "                state:       INIT            type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        start time                           : Sat May  6 09:58:41 2023\n" +
        "        timeout                              : 6 sec\n" +
        "        total byte count(c2s)                : 74\n" +
        "        total byte count(s2c)                : 0\n" +
        "        layer7 packet count(c2s)             : 1\n" +
        "        layer7 packet count(s2c)             : 0\n" +
        "        vsys                                 : vsys1\n" +
        "        application                          : ping  \n" +
        "        rule                                 : Allow ping\n" +
        "        service timeout override(index)      : False\n" +
        "        session to be logged at end          : True\n" +
        "        session in session ager              : False\n" +
        "        session updated by HA peer           : False\n" +
        "        address/port translation             : source\n" +
        "        nat-rule                             : Lan(vsys1)\n" +
        "        layer7 processing                    : enabled\n" +
        "        URL filtering enabled                : False\n" +
        "        session via syn-cookies              : False\n" +
        "        session terminated on host           : False\n" +
        "        session traverses tunnel             : False\n" +
        "        session terminate tunnel             : False\n" +
        "        captive portal session               : False\n" +
        "        ingress interface                    : ethernet1/1\n" +
        "        egress interface                     : ethernet1/3\n" +
        "        session QoS rule                     : N/A (class 4)\n" +
        "        tracker stage firewall               : Aged out\n" +
        "        end-reason                           : aged-out\n";

    /// <summary>Sample B (KB kA10g000000PLnl), the verbatim part: the page excerpt ends after `timeout`.</summary>
    private const string SampleBVerbatimHead =
        "\n" +
        "Session             504\n" +
        "\n" +
        "        c2s flow:\n" +
        "                source:      10.59.59.132 [L3-DMZ]\n" +
        "                dst:         172.16.59.100\n" +
        "                proto:       6\n" +
        "                sport:       0               dport:      16889\n" +
        "                state:       ACTIVE          type:       PRED\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        s2c flow:\n" +
        "                source:      172.16.59.100 [L3-Inside]\n" +
        "                dst:         10.59.59.132\n" +
        "                proto:       6\n" +
        "                sport:       16889           dport:      0\n" +
        "                state:       OPENING         type:       PRED\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        start time                           : Fri Apr 26 01:40:38 2019\n" +
        "        timeout                              : 60 sec\n";

    /// <summary>Sample B's tail as the COLLAPSED rendering of the same KB gives it (whitespace lost).</summary>
    private static readonly string[] SampleBCollapsedTail =
    [
        "time to live : 27 sec",
        "total byte count(c2s) : 0",
        "total byte count(s2c) : 0",
        "layer7 packet count(c2s) : 0",
        "layer7 packet count(s2c) : 0",
        "vsys : vsys1",
        "application : ftp-data",
        "rule :",
        "service timeout override(index) : False",
        "session to be logged at end : False",
        "session in session ager : True",
        "session updated by HA peer : False",
        "parent session : 409",
        "prediction triggered by : client",
        "prediction matched once : True",
        "end-reason : unknown",
    ];

    /// <summary>Sample D (LIVEcommunity ta-p/61278), verbatim up to the `application` line where the page excerpt ends.</summary>
    private const string SampleDVerbatimHead =
        "\n" +
        "Session           96776\n" +
        "\n" +
        "        c2s flow:\n" +
        "                source:      172.20.13.132 [L3-Trust]\n" +
        "                dst:         50.17.226.145\n" +
        "                proto:       6\n" +
        "                sport:       61973           dport:      443\n" +
        "                state:       ACTIVE          type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        s2c flow:\n" +
        "                source:      50.17.226.145 [L3-Untrust]\n" +
        "                dst:         10.46.198.13\n" +
        "                proto:       6\n" +
        "                sport:       443             dport:      14690\n" +
        "                state:       ACTIVE          type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        start time                           : Thu Oct 12 09:30:35 2017\n" +
        "        timeout                              : 1800 sec\n" +
        "        time to live                         : 1799 sec \n" +
        "        total byte count(c2s)                : 54759\n" +
        "        total byte count(s2c)                : 134469\n" +
        "        layer7 packet count(c2s)             : 103\n" +
        "        layer7 packet count(s2c)             : 200\n" +
        "        vsys                                 : vsys1\n" +
        "        application                          : ssl  \n";

    /// <summary>
    /// The session-tracker KB `show session id 4632` (PAN-OS 6.0/6.1) rebuilt. The page collapsed its
    /// whitespace (NBSP/space pairs, no indentation, a blank line after every line, IP addresses cut out
    /// of one rendering; the reference's second rendering kept them). Column by column:
    /// - blank line after the command, `Session` + id right-justified in 15 (`Session            4632`
    ///   survives intact in both renderings), blank line: samples A and B.
    /// - `        c2s flow:` at 8, flow fields at 16 (indentation: samples A/B; sample E, 2013, has the
    ///   same 8/16 indentation, so the old release shares it).
    /// - flow labels in 13 (`proto:       6`, `src user:    unknown`, `pbf rule:    wt-VPNTest 1` keep
    ///   their spaces on the page), sport/state values in 16 and `dport:`/`type:` in 12
    ///   (`sport:       4475            dport:      80` on the page; its c2s `type: FLOW` lost spaces,
    ///   the s2c `type:       FLOW` did not).
    /// - `pbf rule:` right after `dst user:` in the c2s block (page order).
    /// - blank line after each flow block: samples A/B.
    /// - summary labels in 30 + `: ` (`start time                    : Mon Sep  9 16:39:06 2013`
    ///   on the page; sample E's `start time                    : Tue Jan 29 23:32:33 2013` with the
    ///   8-space indent), the KB's field set and order, `tracker stage firewall` last.
    /// - the s2c `dst user:` line: the collapsed rendering stops early, the NBSP rendering has it.
    /// </summary>
    private const string Kb4632Text =
        "\n" +
        "Session            4632\n" +
        "\n" +
        "        c2s flow:\n" +
        "                source:      192.168.210.103 [trust]\n" +
        "                dst:         198.172.88.58\n" +
        "                proto:       6\n" +
        "                sport:       4475            dport:      80\n" +
        "                state:       INIT            type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "                pbf rule:    wt-VPNTest 1\n" +
        "\n" +
        "        s2c flow:\n" +
        "                source:      198.172.88.58 [VPN]\n" +
        "                dst:         192.168.210.103\n" +
        "                proto:       6\n" +
        "                sport:       80              dport:      4475\n" +
        "                state:       INIT            type:       FLOW\n" +
        "                src user:    unknown\n" +
        "                dst user:    unknown\n" +
        "\n" +
        "        start time                    : Mon Sep  9 16:39:06 2013\n" +
        "        timeout                       : 30 sec\n" +
        "        total byte count(c2s)         : 1063\n" +
        "        total byte count(s2c)         : 1461\n" +
        "        layer7 packet count(c2s)      : 12\n" +
        "        layer7 packet count(s2c)      : 10\n" +
        "        session via syn-cookies       : False\n" +
        "        session terminated on host    : False\n" +
        "        session traverses tunnel      : True\n" +
        "        captive portal session        : False\n" +
        "        ingress interface             : ethernet1/6\n" +
        "        egress interface              : tunnel.179\n" +
        "        session QoS rule              : N/A (class 4)\n" +
        "        tracker stage firewall        : TCP FIN\n";

    [Test]
    public void SampleAIsReproducedByteForByte()
    {
        var actual = SessionDetailRenderer.Render(SampleA(), At(2023, 5, 6, 10, 0, 0), Modern, ToLocal);

        Assert.That(actual, Is.EqualTo(SampleAText));
    }

    [TestCase("7.1.0")]
    [TestCase("8.0.5")]
    [TestCase("9.0.0-c300")]
    [TestCase("10.1.3-h1")]
    [TestCase("11.1.2")]
    public void EveryModernReleaseUsesSampleAsLayout(string release)
    {
        var actual = SessionDetailRenderer.Render(SampleA(), At(2023, 5, 6, 10, 0, 0), release, ToLocal);

        Assert.That(actual, Is.EqualTo(SampleAText));
    }

    [Test]
    public void SampleBVerbatimPartIsReproduced()
    {
        var actual = SessionDetailRenderer.Render(SampleB(), SampleBNow, "8.1.0", ToLocal);

        Assert.That(actual, Does.StartWith(SampleBVerbatimHead));
    }

    [Test]
    public void SampleBTailMatchesTheCollapsedRenderingWordForWord()
    {
        var actual = SessionDetailRenderer.Render(SampleB(), SampleBNow, "8.1.0", ToLocal);
        var tail = actual[SampleBVerbatimHead.Length..].TrimEnd('\n').Split('\n');

        Assert.That(tail.Select(Collapse), Is.EqualTo(SampleBCollapsedTail));
    }

    /// <summary>The reference's RECONSTRUCTED tail of sample B, with the two trailing-space decisions applied.</summary>
    [Test]
    public void SampleBTailFollowsTheProvenColumns()
    {
        var expected = SampleBVerbatimHead +
            "        time to live                         : 27 sec \n" +
            "        total byte count(c2s)                : 0\n" +
            "        total byte count(s2c)                : 0\n" +
            "        layer7 packet count(c2s)             : 0\n" +
            "        layer7 packet count(s2c)             : 0\n" +
            "        vsys                                 : vsys1\n" +
            "        application                          : ftp-data  \n" +
            "        rule                                 : \n" +
            "        service timeout override(index)      : False\n" +
            "        session to be logged at end          : False\n" +
            "        session in session ager              : True\n" +
            "        session updated by HA peer           : False\n" +
            "        parent session                       : 409\n" +
            "        prediction triggered by              : client\n" +
            "        prediction matched once              : True\n" +
            "        end-reason                           : unknown\n";

        var actual = SessionDetailRenderer.Render(SampleB(), SampleBNow, "8.1.0", ToLocal);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void SampleDVerbatimPartIsReproduced()
    {
        var actual = SessionDetailRenderer.Render(SampleD(), SampleDNow, "8.0.5", ToLocal);

        Assert.That(actual, Does.StartWith(SampleDVerbatimHead));
    }

    [Test]
    public void SampleDContinuesWithSampleAsLinesForALiveSession()
    {
        var actual = SessionDetailRenderer.Render(SampleD(), SampleDNow, "8.0.5", ToLocal);

        Assert.That(actual[SampleDVerbatimHead.Length..], Is.EqualTo(
            "        rule                                 : allow-ssl\n" +
            "        service timeout override(index)      : False\n" +
            "        session to be logged at end          : True\n" +
            "        session in session ager              : True\n" +
            "        session updated by HA peer           : False\n" +
            "        address/port translation             : source\n" +
            "        nat-rule                             : outbound(vsys1)\n" +
            "        layer7 processing                    : enabled\n" +
            "        URL filtering enabled                : False\n" +
            "        session via syn-cookies              : False\n" +
            "        session terminated on host           : False\n" +
            "        session traverses tunnel             : False\n" +
            "        session terminate tunnel             : False\n" +
            "        captive portal session               : False\n" +
            "        ingress interface                    : ethernet1/1\n" +
            "        egress interface                     : ethernet1/2\n" +
            "        session QoS rule                     : N/A (class 4)\n" +
            "        end-reason                           : unknown\n"));
    }

    [Test]
    public void Kb4632IsRebuiltInTheLegacyLayout()
    {
        var actual = SessionDetailRenderer.Render(Kb4632(), At(2013, 9, 9, 16, 45, 0), Legacy, ToLocal);

        Assert.That(actual, Is.EqualTo(Kb4632Text));
    }

    [TestCase("6.0.0")]
    [TestCase("6.1.15")]
    [TestCase("7.0.1")]
    [TestCase("5.0.6")]
    public void ReleasesBelow71UseTheLegacyLayout(string release)
    {
        var actual = SessionDetailRenderer.Render(Kb4632(), At(2013, 9, 9, 16, 45, 0), release, ToLocal);

        Assert.That(actual, Is.EqualTo(Kb4632Text));
    }

    /// <summary>The KB page's own text once its NBSP/space pairs are spaces again: every surviving line matches ours.</summary>
    [Test]
    public void Kb4632PageLinesWithSpacingIntactAreLinesOfTheRebuild()
    {
        string[] pageLines =
        [
            "Session            4632",
            "proto:       6",
            "sport:       4475            dport:      80",
            "src user:    unknown",
            "dst user:    unknown",
            "pbf rule:    wt-VPNTest 1",
            "sport:       80              dport:      4475",
            "state:       INIT            type:       FLOW",
            "start time                    : Mon Sep  9 16:39:06 2013",
            "timeout                       : 30 sec",
            "total byte count(c2s)         : 1063",
            "total byte count(s2c)         : 1461",
            "layer7 packet count(c2s)      : 12",
            "layer7 packet count(s2c)      : 10",
            "session via syn-cookies       : False",
            "session terminated on host    : False",
            "session traverses tunnel      : True",
            "captive portal session        : False",
            "ingress interface             : ethernet1/6",
            "egress interface              : tunnel.179",
            "session QoS rule              : N/A (class 4)",
            "tracker stage firewall        : TCP FIN",
        ];
        var lines = SessionDetailRenderer.Render(Kb4632(), At(2013, 9, 9, 16, 45, 0), Legacy, ToLocal)
            .Split('\n')
            .Select(line => line.TrimStart(' '))
            .ToList();

        Assert.That(pageLines, Is.SubsetOf(lines));
    }

    /// <summary>Sample E (2013): the 30-column labels with `time to live` for a session in the ager.</summary>
    [Test]
    public void LegacySessionInTheAgerShowsTimeToLiveAfterTimeout()
    {
        var session = new Session
        {
            Id = 421199,
            ClientToServer = Flow("203.0.113.9", "Untrust-L3", "10.1.1.5", 6, 43871, 22, SessionState.Active),
            ServerToClient = Flow("10.1.1.5", "Trust-L3", "203.0.113.9", 6, 22, 43871, SessionState.Active),
            StartTime = At(2013, 1, 29, 23, 32, 33),
            LastActivity = At(2013, 1, 29, 23, 39, 32),
            TimeoutSeconds = 3600,
            InAger = true,
        };

        var lines = SessionDetailRenderer.Render(session, At(2013, 1, 29, 23, 46, 31), "6.0.0", ToLocal).Split('\n');

        Assert.That(lines, Does.Contain("Session          421199"));
        Assert.That(lines, Does.Contain("                sport:       43871           dport:      22"));
        Assert.That(lines, Does.Contain("                sport:       22              dport:      43871"));
        Assert.That(lines, Does.Contain("                state:       ACTIVE          type:       FLOW"));
        var start = Array.IndexOf(lines, "        start time                    : Tue Jan 29 23:32:33 2013");
        Assert.That(start, Is.GreaterThan(0));
        Assert.That(lines[start + 1], Is.EqualTo("        timeout                       : 3600 sec"));
        Assert.That(lines[start + 2], Is.EqualTo("        time to live                  : 3181 sec "));
    }

    [TestCase(25u, "Session              25")]
    [TestCase(504u, "Session             504")]
    [TestCase(4632u, "Session            4632")]
    [TestCase(96776u, "Session           96776")]
    [TestCase(421199u, "Session          421199")]
    public void SessionHeaderRightJustifiesTheIdIn15Columns(uint id, string header)
    {
        var session = SampleA();
        var renumbered = new Session
        {
            Id = id,
            ClientToServer = session.ClientToServer,
            ServerToClient = session.ServerToClient,
            StartTime = session.StartTime,
            TimeoutSeconds = session.TimeoutSeconds,
        };

        var actual = SessionDetailRenderer.Render(renumbered, session.StartTime, Modern, ToLocal);

        Assert.That(actual, Does.StartWith("\n" + header + "\n\n        c2s flow:\n"));
    }

    [Test]
    public void ModernLayoutPutsThePbfRuleAfterDstUser()
    {
        var actual = SessionDetailRenderer.Render(Kb4632(), At(2013, 9, 9, 16, 45, 0), Modern, ToLocal);

        Assert.That(actual, Does.Contain(
            "                dst user:    unknown\n" +
            "                pbf rule:    wt-VPNTest 1\n" +
            "\n" +
            "        s2c flow:\n"));
        Assert.That(actual, Does.EndWith(
            "        tracker stage firewall               : TCP FIN\n" +
            "        end-reason                           : tcp-fin\n"));
    }

    [Test]
    public void NoNatMeansNoTranslationLines()
    {
        var actual = SessionDetailRenderer.Render(ListEdl(), At(2023, 5, 19, 3, 30, 5), Modern, ToLocal);

        Assert.That(actual, Does.Not.Contain("address/port translation"));
        Assert.That(actual, Does.Not.Contain("nat-rule"));
        Assert.That(actual, Does.Contain(
            "        session updated by HA peer           : False\n" +
            "        layer7 processing                    : enabled\n"));
    }

    [Test]
    public void LiveSessionHasNoTrackerStageAndAnUnknownEndReason()
    {
        var actual = SessionDetailRenderer.Render(ListEdl(), At(2023, 5, 19, 3, 30, 5), Modern, ToLocal);

        Assert.That(actual, Does.Not.Contain("tracker stage"));
        Assert.That(actual, Does.EndWith(
            "        session QoS rule                     : N/A (class 4)\n" +
            "        end-reason                           : unknown\n"));
    }

    [Test]
    public void EndReasonFallsBackToTheTrackerStage()
    {
        var session = SampleA();
        session.EndReason = EndReason.Unknown;
        session.TrackerStage = TrackerStage.TcpRstServer;

        var actual = SessionDetailRenderer.Render(session, At(2023, 5, 6, 10, 0, 0), Modern, ToLocal);

        Assert.That(actual, Does.EndWith(
            "        tracker stage firewall               : TCP RST - server\n" +
            "        end-reason                           : tcp-rst-from-server\n"));
    }

    [Test]
    public void NatRuleAlreadyCarryingItsVsysIsNotSuffixedTwice()
    {
        var sample = SampleA();
        var session = new Session
        {
            Id = sample.Id,
            ClientToServer = sample.ClientToServer,
            ServerToClient = sample.ServerToClient,
            StartTime = sample.StartTime,
            TimeoutSeconds = sample.TimeoutSeconds,
            Translation = "source",
            NatRule = "Lan(vsys1)",
        };

        var actual = SessionDetailRenderer.Render(session, sample.StartTime, Modern, ToLocal);

        Assert.That(actual, Does.Contain("        nat-rule                             : Lan(vsys1)\n"));
    }

    [TestCase(0, "60 sec ")]
    [TestCase(33, "27 sec ")]
    [TestCase(59, "1 sec ")]
    [TestCase(60, "0 sec ")]
    [TestCase(500, "0 sec ")]
    public void TimeToLiveCountsDownFromTheLastActivity(int idleSeconds, string expected)
    {
        var session = SampleB();

        var actual = SessionDetailRenderer.Render(session, session.LastActivity.AddSeconds(idleSeconds + 0.9), Modern, ToLocal);

        Assert.That(actual, Does.Contain("        time to live                         : " + expected + "\n"));
    }

    [Test]
    public void StartTimeIsShownInLocalTime()
    {
        var actual = SessionDetailRenderer.Render(SampleA(), At(2023, 5, 6, 10, 0, 0), Modern, time => time.AddHours(-10).DateTime);

        Assert.That(actual, Does.Contain("        start time                           : Fri May  5 23:58:41 2023\n"));
    }

    [Test]
    public void UnknownIdIsReported() =>
        Assert.That(SessionDetailRenderer.NotFound(99999999), Is.EqualTo("\nsession 99999999 not found\n"));

    private static string Collapse(string line) => Spaces().Replace(line.Trim(' '), " ");

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
