namespace VirtualFirewall.Engine.State;

/// <summary>How the device's CLI treats its users, beyond what the configuration says.</summary>
public sealed record CliBehavior
{
    /// <summary>
    /// Outside scripting mode PAN-OS repaints the line after every word typed (`\r ESC[K` + prompt +
    /// line; netmiko issues #688, #2071, panos-cli-gaps.md §3.1–3.2), which trips clients that never
    /// turn scripting mode on. On by default, as on a real firewall; off for a forgiving device.
    /// </summary>
    public bool RepaintWords { get; init; } = true;

    /// <summary>
    /// `deviceconfig system login-banner`: shown before authentication (the SSH banner message; above
    /// Telnet's `login: `). Null for none, the factory default.
    /// </summary>
    public string? LoginBanner { get; init; }

    /// <summary>
    /// `deviceconfig system ack-login-banner`: SSH keyboard-interactive first asks
    /// `Do you accept and acknowledge the statement above ? (yes/no) : ` (client contract C2). Off by default.
    /// </summary>
    public bool AcknowledgeBanner { get; init; }
}
