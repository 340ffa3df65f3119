using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show jobs all` in the commit-queue layout (PAN-OS 7.1 and later), as
/// paloalto_panos_show_jobs_all2.raw: a blank line, the header, a 138-dash rule, newest job first,
/// then two blank lines. ID, Type, Status and Result are right-justified (ending at columns 43, 90,
/// 121 and 128); a finished job's time follows one space later, a running job's progress is
/// right-justified to column 139 (the 2023 EDL notes, panos-cli-reference.md §3.2).
/// </summary>
public static class JobsRenderer
{
    private const string Header =
        "Enqueued              Dequeued           ID  PositionInQ                              Type                         Status Result Completed\n" +
        "------------------------------------------------------------------------------------------------------------------------------------------\n";

    public static string All(IReadOnlyList<JobRow> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var text = new StringBuilder("\n").Append(Header);
        foreach (var job in jobs)
        {
            Row(text, job);
        }

        return text.Append("\n\n").ToString();
    }

    /// <summary>
    /// `show jobs id N`: RECONSTRUCTED, no capture exists. The same table with one row, then the
    /// `Warnings:` and `Details:` the XML API's job element carries (reference/xmlapi notes §7).
    /// </summary>
    public static string One(JobRow job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var text = new StringBuilder("\n").Append(Header);
        Row(text, job);
        text.Append("Warnings:\nDetails:\n");
        foreach (var line in job.Details)
        {
            text.Append(line).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    private static void Row(StringBuilder text, JobRow job)
    {
        text.Append(job.Enqueued).Append("   ").Append(job.Dequeued)
            .Append(job.Id.ToString(CultureInfo.InvariantCulture).PadLeft(13))
            .Append(job.Type.PadLeft(47))
            .Append(job.Status.PadLeft(31))
            .Append(job.Result.PadLeft(7))
            .Append(job.Completed.EndsWith('%') ? job.Completed.PadLeft(11) : " " + job.Completed)
            .Append('\n');
    }
}
