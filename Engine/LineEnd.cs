namespace VirtualFirewall.Engine;

/// <summary>How lines end in output written as bytes: the Engine's own `\n`, or a terminal's `\r\n`.</summary>
public enum LineEnd
{
    Lf,
    CrLf,
}
