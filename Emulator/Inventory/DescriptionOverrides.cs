using VirtualFirewall.Emulator.Inventory.Description;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>Command-line options that override what a description says (null: keep the description's).</summary>
public sealed record DescriptionOverrides(bool? Repaint, bool? AcknowledgeBanner, string? LoginBanner, string? HaState)
{
    public DeviceDescription Apply(DeviceDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description with
        {
            Identity = description.Identity with { HaState = HaState ?? description.Identity.HaState },
            Cli = description.Cli with
            {
                Repaint = Repaint ?? description.Cli.Repaint,
                AcknowledgeBanner = AcknowledgeBanner ?? description.Cli.AcknowledgeBanner,
                LoginBanner = LoginBanner ?? description.Cli.LoginBanner,
            },
        };
    }
}
