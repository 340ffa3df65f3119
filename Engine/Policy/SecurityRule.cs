using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// A security rule compiled from the running configuration: names resolved to addresses and ports.
/// The two PAN-OS default rules are rules too, with <see cref="DefaultType"/> `intrazone` or `interzone`.
/// </summary>
public sealed record SecurityRule
{
    private static readonly IReadOnlyList<string> AnyList = ["any"];

    public required string Name { get; init; }

    /// <summary>The rule's place in the rulebase, from 1; the default rules follow the last rule.</summary>
    public required int Index { get; init; }

    public IReadOnlyList<string> From { get; init; } = AnyList;
    public IReadOnlyList<string> To { get; init; } = AnyList;
    public AddressSet Source { get; init; } = AddressSet.Any;
    public AddressSet Destination { get; init; } = AddressSet.Any;
    public IReadOnlyList<string> SourceUsers { get; init; } = AnyList;
    public IReadOnlyList<string> Categories { get; init; } = AnyList;
    public IReadOnlyList<string> Applications { get; init; } = AnyList;
    public ServiceKind ServiceKind { get; init; } = ServiceKind.Any;

    /// <summary>The ports of listed services; empty for `any` and `application-default`.</summary>
    public IReadOnlyList<ServiceEntry> Services { get; init; } = [];

    /// <summary>The action as configured: `allow`, `deny`, `drop`, `reset-client`, ...</summary>
    public string Action { get; init; } = "allow";

    public bool Disabled { get; init; }

    /// <summary>`intrazone` or `interzone` for the default rules, else null.</summary>
    public string? DefaultType { get; init; }

    /// <summary>What the session engine does: the resets deny as `deny` does.</summary>
    public RuleAction Verdict => Action switch
    {
        "allow" => RuleAction.Allow,
        "drop" => RuleAction.Drop,
        _ => RuleAction.Deny,
    };

    /// <summary>
    /// Every application with its ports, `application/protocol/source-ports/ports`, as the running
    /// policy prints them: `dns/udp/any/53`, `any/tcp/any/8080`, `any/any/any/any`.
    /// </summary>
    public IReadOnlyList<string> ApplicationServices
    {
        get
        {
            var items = new List<string>();
            foreach (var application in Applications)
            {
                IEnumerable<ServiceEntry> entries = ServiceKind switch
                {
                    ServiceKind.Listed => Services,
                    ServiceKind.ApplicationDefault when !IsAny(application) && ApplicationDefaults.For(application) is { } ports => ports,
                    _ => [ServiceEntry.AnyProtocol],
                };
                items.AddRange(entries.Select(e => application + "/" + e));
            }

            return items;
        }
    }

    public bool Matches(PolicyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var source = Ipv4Range.ToNumber(query.Source);
        var destination = Ipv4Range.ToNumber(query.Destination);
        return !Disabled
            && InList(From, query.FromZone) && InList(To, query.ToZone)
            && Source.Contains(source) && Destination.Contains(destination)
            && InList(SourceUsers, query.SourceUser)
            && ApplicationMatches(query.Application)
            && ServiceMatches(query);
    }

    private static bool IsAny(string value) => string.Equals(value, "any", StringComparison.Ordinal);

    private static bool InList(IReadOnlyList<string> list, string? value) =>
        value is null || list.Any(IsAny) || list.Contains(value, StringComparer.Ordinal);

    private bool ApplicationMatches(string? application)
    {
        if (Applications.Any(IsAny))
        {
            return true;
        }

        // Before App-ID has decided, a rule that names applications may still allow the session
        // while it is identified, but cannot deny it for an application not yet seen.
        return ApplicationDefaults.IsUnidentified(application)
            ? Verdict == RuleAction.Allow
            : Applications.Contains(application!, StringComparer.Ordinal);
    }

    private bool ServiceMatches(PolicyQuery query)
    {
        switch (ServiceKind)
        {
            case ServiceKind.Any:
                return true;
            case ServiceKind.Listed:
                return Services.Any(s => s.Matches(query.Protocol, query.DestinationPort));
        }

        // Any application on its own default ports; before App-ID, the ports of any application the rule names.
        IReadOnlyList<string> candidates = ApplicationDefaults.IsUnidentified(query.Application)
            ? Applications.Any(IsAny) ? [] : Applications
            : [query.Application!];
        if (candidates.Count == 0)
        {
            return true;
        }

        return candidates.Any(a => ApplicationDefaults.For(a) is not { } ports || ports.Any(p => p.Matches(query.Protocol, query.DestinationPort)));
    }
}
