namespace VirtualFirewall.Engine.Jobs;

/// <summary>
/// The device's jobs, numbered from 1 in the order they were queued. A firewall's first job is the
/// auto-commit it runs at boot, so a user's first commit is job 2. Callers hold the device lock.
/// </summary>
public sealed class JobList
{
    private readonly List<Job> _jobs = [];
    private readonly TimeProvider _time;

    public JobList(TimeProvider time, DateTimeOffset bootTime)
    {
        _time = time;
        _jobs.Add(new Job(1, "AutoCom", bootTime));
    }

    public IReadOnlyList<Job> All => _jobs;

    /// <summary>Queues a job and returns its id.</summary>
    public int Add(string type)
    {
        var job = new Job(_jobs.Count + 1, type, _time.GetUtcNow());
        _jobs.Add(job);
        return job.Id;
    }
}
