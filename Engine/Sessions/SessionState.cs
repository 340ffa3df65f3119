namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// Where a session is in its life: INIT &gt; OPENING &gt; ACTIVE &gt; DISCARD/CLOSING &gt; CLOSED
/// (panos-cli-reference.md §3.5). Printed upper-case.
/// </summary>
public enum SessionState : byte
{
    Init,
    Opening,
    Active,
    Discard,
    Closing,
    Closed,
}
