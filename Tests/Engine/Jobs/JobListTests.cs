using VirtualFirewall.Engine.Jobs;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Engine.Jobs;

[TestFixture]
public sealed class JobListTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 27, 8, 31, 14, TimeSpan.Zero);

    [Test]
    public void Only_the_latest_jobs_are_kept_and_their_ids_go_on()
    {
        var jobs = new JobList(new ManualTimeProvider(Boot), Boot);
        for (var i = 0; i < JobList.MaxKept + 10; i++)
        {
            jobs.Add("Commit");
        }

        Assert.That(jobs.All, Has.Count.EqualTo(JobList.MaxKept));
        Assert.That(jobs.All[^1].Id, Is.EqualTo(JobList.MaxKept + 11), "ids count every job ever queued");
        Assert.That(jobs.All[0].Id, Is.EqualTo(12));
        Assert.That(jobs.Find(12), Is.SameAs(jobs.All[0]));
        Assert.That(jobs.Find(JobList.MaxKept + 11), Is.SameAs(jobs.All[^1]));
        Assert.That(jobs.Find(11), Is.Null, "a job dropped from the history");
        Assert.That(jobs.Find(JobList.MaxKept + 12), Is.Null, "a job not yet queued");
    }
}
