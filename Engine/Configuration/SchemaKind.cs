namespace VirtualFirewall.Engine.Configuration;

/// <summary>The four shapes of a PAN-OS configuration node.</summary>
public enum SchemaKind
{
    /// <summary>An element with named children (`deviceconfig`, `system`).</summary>
    Container,

    /// <summary>A list of named entries, each with the same children (`address &lt;name&gt;`; XML `&lt;entry name=...&gt;`).</summary>
    EntryList,

    /// <summary>One value (`hostname PA-VM`).</summary>
    Leaf,

    /// <summary>A list of values (`from [ trust dmz ]`; XML `&lt;member&gt;`).</summary>
    MemberList,
}
