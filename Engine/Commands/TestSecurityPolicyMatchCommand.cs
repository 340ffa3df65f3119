using System.Net;

namespace VirtualFirewall.Engine.Commands;

/// <summary>
/// `test security-policy-match from &lt;zone&gt; to &lt;zone&gt; source &lt;ip&gt; destination &lt;ip&gt; protocol &lt;n&gt;
/// destination-port &lt;p&gt; [application &lt;app&gt;] [source-user &lt;u&gt;]`: the options arrive in any order;
/// the ones a lookup cannot do without (source, destination, protocol) are checked by the handler.
/// </summary>
public sealed record TestSecurityPolicyMatchCommand : Command
{
    public string? From { get; init; }
    public string? To { get; init; }
    public IPAddress? Source { get; init; }
    public IPAddress? Destination { get; init; }
    public int? Protocol { get; init; }
    public int? DestinationPort { get; init; }
    public string? Application { get; init; }
    public string? SourceUser { get; init; }
}
