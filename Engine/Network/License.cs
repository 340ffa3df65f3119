namespace VirtualFirewall.Engine.Network;

/// <summary>One `License entry:` of `request license info`; a null <see cref="Expires"/> prints `Never`.</summary>
public sealed record License(string Feature, string Description, string Serial, DateOnly Issued, DateOnly? Expires)
{
    /// <summary>The platform licence a subscription belongs to; null for the platform licence itself.</summary>
    public string? BaseLicense { get; init; }

    public string? AuthCode { get; init; }
}
