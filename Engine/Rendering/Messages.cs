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

    /// <summary>`configure` (panos-cli-reference.md §2.3, lab transcript; the docs' trailing space is a rendering artefact).</summary>
    public const string EnteringConfigurationMode = "Entering configuration mode\n";

    /// <summary>`exit`/`quit` at the top of configuration mode (panos-cli-gaps.md §5.1).</summary>
    public const string ExitingConfigurationMode = "Exiting configuration mode\n";

    /// <summary>The context line printed before every configuration-mode prompt (§2.3); netmiko looks for its `]`.</summary>
    public static string EditContext(IReadOnlyList<string> path) =>
        path.Count == 0 ? "[edit]\n" : "[edit " + string.Join(' ', path) + "]\n";

    /// <summary>`set mgt-config users &lt;name&gt; password` prompts, three spaces and one space before the colon (research note, issue 5).</summary>
    public const string EnterPassword = "Enter password   : ";

    public const string ConfirmPassword = "Confirm password : ";

    /// <summary>No capture of a mismatch was found; the wording is reconstructed.</summary>
    public const string PasswordsDoNotMatch = "Passwords do not match\n";

    /// <summary>
    /// `commit` with nothing to commit. No CLI capture exists; the XML API answers this sentence
    /// (reference/xmlapi/puppetlabs-panos/commit_no-changes_code19.xml), and CLI and API share the management server that produces it.
    /// </summary>
    public const string NoChangesToCommit = "There are no changes to commit.\n";
}
