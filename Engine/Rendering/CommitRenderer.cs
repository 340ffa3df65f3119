using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// The CLI's commit report. Three captures agree on its shape (panos-cli-reference.md §2.4,
/// panos-cli-gaps.md §5.1): a blank line, the job line, one line of dots and percentages ending in
/// `100%`, then `Configuration committed successfully`. netmiko waits for `100%` and reads the success
/// line in the same read (contract C11), so the whole report is one string.
/// </summary>
public static class CommitRenderer
{
    public const string Succeeded = "Configuration committed successfully\n";

    public static string Render(int jobId, IReadOnlyList<int> percentages, Random random)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nCommit job {jobId} is in progress. Use Ctrl+C to return to command prompt\n");
        foreach (var percent in percentages)
        {
            // Runs of 2 to 20 dots between the figures, as in the captures.
            text.Append('.', random.Next(2, 21)).Append(percent.ToString(CultureInfo.InvariantCulture)).Append('%');
        }

        text.Append('\n').Append(Succeeded);
        return text.ToString();
    }

    /// <summary>
    /// A commit the validation refused: the job line and progress, `Validation Error:`, the reasons, and
    /// `Commit failed` (the words netmiko and client-contracts.md C11 look for).
    /// </summary>
    public static string RenderFailure(int jobId, IReadOnlyList<string> errors)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nCommit job {jobId} is in progress. Use Ctrl+C to return to command prompt\n");
        text.Append("......100%\n").Append("Validation Error:\n");
        foreach (var error in errors)
        {
            text.Append(' ').Append(error).Append('\n');
        }

        return text.Append("Commit failed\n").ToString();
    }
}
