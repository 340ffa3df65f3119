namespace VirtualFirewall.Engine.Sessions;

/// <summary>The yes/no properties of a <see cref="Session"/>, packed in one field.</summary>
[Flags]
internal enum SessionFlags : ushort
{
    None = 0,
    ServiceTimeoutOverride = 1 << 0,
    LogAtEnd = 1 << 1,
    InAger = 1 << 2,
    UpdatedByHaPeer = 1 << 3,
    Layer7Processing = 1 << 4,
    UrlFilteringEnabled = 1 << 5,
    ViaSynCookies = 1 << 6,
    TerminatedOnHost = 1 << 7,
    TraversesTunnel = 1 << 8,
    TerminateTunnel = 1 << 9,
    CaptivePortal = 1 << 10,
}
