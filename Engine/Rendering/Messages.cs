namespace VirtualFirewall.Engine.Rendering;

/// <summary>Every fixed text the CLI prints, in one place, with the sample it was taken from.</summary>
public static class Messages
{
    /// <summary>Unknown first word in operational mode (netmiko issue #2071 bytes, panos-cli-gaps.md §3.1).</summary>
    public static string UnknownCommand(string word) => "Unknown command: " + word + "\n";

    /// <summary>A valid first word followed by something the tree does not allow (panos-cli-gaps.md §3.3).</summary>
    public const string InvalidSyntax = "Invalid syntax.\n";

    public const string FailedAttemptsPrefix = "Number of failed attempts since last successful login: ";

    /// <summary>panos-cli-reference.md §2.2.</summary>
    public const string DefaultCredentialsWarning =
        "Warning: Your device is still configured with the default admin account credentials. Please change your password prior to deployment.";
}
