namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// A PAN-OS prompt as a capture shows it: <c>admin@PA-VM&gt; </c>, <c>admin@fw01(active)# </c>.
/// </summary>
/// <param name="User">The user logged in.</param>
/// <param name="Hostname">The device's hostname.</param>
/// <param name="HaState">The HA state shown in brackets, or null for a standalone firewall.</param>
/// <param name="Mode"><c>&gt;</c> in operational mode, <c>#</c> in configuration mode.</param>
public sealed record CapturePrompt(string User, string Hostname, string? HaState, char Mode)
{
    /// <summary>True in configuration mode (<c>#</c>).</summary>
    public bool IsConfigurationMode => Mode == '#';

    /// <summary>The prompt as PAN-OS writes it, with its trailing space.</summary>
    public string Text => HaState is null ? $"{User}@{Hostname}{Mode} " : $"{User}@{Hostname}({HaState}){Mode} ";
}
