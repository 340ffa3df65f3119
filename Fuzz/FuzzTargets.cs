using VirtualFirewall.Fuzz.Targets;

namespace VirtualFirewall.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new SshSessionTarget(),
        new SshPlainPacketsTarget(),
        new SshSealedPacketsTarget(),
        new SshMessagesTarget(),
        new TelnetTarget(),
        new KeysTarget(),
        new GrammarTarget(),
        new ShellTarget(),
        new DeviceDescriptionTarget(),
        new TranscriptTarget(),
        new ConfigXmlTarget(),
        new KeyFilesTarget(),
    ];

    public static IFuzzTarget? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
