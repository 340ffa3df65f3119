namespace VirtualFirewall.Engine.Jobs;

/// <summary>
/// The device's jobs, numbered from 1 in the order they were queued. A firewall's first job is the
/// auto-commit it runs at boot, so a user's first commit is job 2. Only the latest
/// <see cref="MaxKept"/> are kept, so a device that commits for weeks does not grow without bound.
/// Callers hold the device lock.
/// </summary>
public sealed class JobList
{
    public const int MaxKept = 1000;

    /// <summary>What a successful commit reports in `show jobs id`.</summary>
    public const string CommitSucceeded = "Configuration committed successfully";

    /// <summary>How long the boot-time auto-commit runs (08:31:14 to 08:32:06 in paloalto_panos_show_jobs_all2.raw).</summary>
    public static readonly TimeSpan AutoCommitDuration = TimeSpan.FromSeconds(52);

    private readonly List<Job> _jobs = [];
    private readonly TimeProvider _time;

    public JobList(TimeProvider time, DateTimeOffset bootTime)
    {
        _time = time;
        _jobs.Add(new Job(1, "AutoCom", bootTime) { Duration = AutoCommitDuration, Details = [CommitSucceeded] });
    }

    public IReadOnlyList<Job> All => _jobs;

    public Job? Find(int id)
    {
        var index = id - _jobs[0].Id;
        return index >= 0 && index < _jobs.Count ? _jobs[index] : null;
    }

    /// <summary>
    /// Queues a job that has already finished, as a `commit` has by the time the CLI prints its
    /// result, and returns its id.
    /// </summary>
    public int Add(string type)
    {
        var details = string.Equals(type, "Commit", StringComparison.Ordinal) ? new[] { CommitSucceeded } : [];
        return Add(type, TimeSpan.Zero, details);
    }

    /// <summary>Queues a job that runs for <paramref name="duration"/> from now, and returns its id.</summary>
    public int Add(string type, TimeSpan duration, IReadOnlyList<string> details, string result = "OK")
    {
        var job = new Job(_jobs[^1].Id + 1, type, _time.GetUtcNow()) { Duration = duration, Details = details, Result = result };
        _jobs.Add(job);
        if (_jobs.Count > MaxKept)
        {
            _jobs.RemoveAt(0);
        }

        return job.Id;
    }
}
