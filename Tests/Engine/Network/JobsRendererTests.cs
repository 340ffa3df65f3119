using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class JobsRendererTests
{
    private const string Header =
        "Enqueued              Dequeued           ID  PositionInQ                              Type                         Status Result Completed\n" +
        "------------------------------------------------------------------------------------------------------------------------------------------\n";

    /// <summary>paloalto_panos_show_jobs_all2.raw, every byte.</summary>
    [Test]
    public void AllMatchesTheCommitQueueSample()
    {
        JobRow[] jobs =
        [
            Done("2017/02/28 10:19:48", 7, "FqdnRefresh", "10:20:11"),
            Done("2017/02/28 10:13:49", 6, "FqdnRefresh", "10:14:21"),
            Done("2017/02/28 10:13:22", 5, "Commit", "10:13:49"),
            Done("2017/02/27 12:06:50", 4, "Commit", "12:07:18"),
            Done("2017/02/27 12:02:54", 3, "Commit", "12:03:20"),
            Done("2017/02/27 11:55:15", 2, "Commit", "11:55:42"),
            Done("2017/02/23 08:31:14", 1, "AutoCom", "08:32:06"),
        ];

        Assert.That(JobsRenderer.All(jobs), Is.EqualTo(Read("paloalto_panos_show_jobs_all2.raw")));
    }

    /// <summary>A running job, as the 2023 EDL notes print it (panos-cli-reference.md §3.2).</summary>
    [Test]
    public void RunningJobShowsItsProgress()
    {
        var running = new JobRow("2023/05/19 03:57:02", "03:57:02", 43, "EDLRefresh", "ACT", "PEND", "55%");

        Assert.That(
            JobsRenderer.All([running]),
            Is.EqualTo("\n" + Header + "2023/05/19 03:57:02   03:57:02           43                                     EDLRefresh                            ACT   PEND        55%\n\n\n"));
    }

    /// <summary>`show jobs id`: RECONSTRUCTED layout, pinned so that a change is deliberate.</summary>
    [Test]
    public void OneJobAddsWarningsAndDetails()
    {
        var job = Done("2017/02/28 10:13:22", 5, "Commit", "10:13:49") with { Details = ["Configuration committed successfully"] };

        Assert.That(
            JobsRenderer.One(job),
            Is.EqualTo("\n" + Header
                + "2017/02/28 10:13:22   10:13:22            5                                         Commit                            FIN     OK 10:13:49\n"
                + "Warnings:\nDetails:\nConfiguration committed successfully\n\n"));
    }

    private static JobRow Done(string enqueued, int id, string type, string completed) =>
        new(enqueued, enqueued[11..], id, type, "FIN", "OK", completed);
}
