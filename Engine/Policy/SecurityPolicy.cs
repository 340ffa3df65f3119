using System.Runtime.CompilerServices;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// The security rulebase of one configuration, compiled: rules in order with their names resolved,
/// then the PAN-OS default rules `intrazone-default` (allow) and `interzone-default` (deny).
/// <see cref="Of"/> compiles a configuration tree once: a commit replaces the running tree, so a new
/// tree means a new policy. Trees are not changed in place after they are compiled.
/// </summary>
public sealed class SecurityPolicy
{
    public const string IntrazoneDefault = "intrazone-default";
    public const string InterzoneDefault = "interzone-default";

    private static readonly ConditionalWeakTable<ConfigElement, SecurityPolicy> Compiled = [];

    private SecurityPolicy(IReadOnlyList<SecurityRule> rules)
    {
        Rules = rules;
        Intrazone = new SecurityRule { Name = IntrazoneDefault, Index = rules.Count + 1, Action = "allow", DefaultType = "intrazone" };
        Interzone = new SecurityRule { Name = InterzoneDefault, Index = rules.Count + 2, Action = "deny", DefaultType = "interzone" };
    }

    /// <summary>The configured rules in rulebase order, disabled ones included.</summary>
    public IReadOnlyList<SecurityRule> Rules { get; }

    public SecurityRule Intrazone { get; }
    public SecurityRule Interzone { get; }

    /// <summary>The policy of a configuration tree, compiled the first time it is asked for.</summary>
    public static SecurityPolicy Of(ConfigElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Compiled.GetValue(root, Compile);
    }

    /// <summary>An enabled rule by name, default rules included; null when there is none.</summary>
    public SecurityRule? Find(string name) =>
        Rules.FirstOrDefault(r => !r.Disabled && string.Equals(r.Name, name, StringComparison.Ordinal))
        ?? (string.Equals(name, IntrazoneDefault, StringComparison.Ordinal) ? Intrazone
            : string.Equals(name, InterzoneDefault, StringComparison.Ordinal) ? Interzone : null);

    /// <summary>
    /// The first enabled rule that matches, else the default rule for the zones; null when nothing
    /// matches and a zone is not given (the default rules need both).
    /// </summary>
    public SecurityRule? Match(PolicyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var rule in Rules)
        {
            if (rule.Matches(query))
            {
                return rule;
            }
        }

        if (query.FromZone is null || query.ToZone is null)
        {
            return null;
        }

        return string.Equals(query.FromZone, query.ToZone, StringComparison.Ordinal) ? Intrazone : Interzone;
    }

    private static SecurityPolicy Compile(ConfigElement root)
    {
        var objects = new PolicyObjects(root);
        var entries = root.Child("rulebase")?.Child("security")?.Child("rules")?.Children ?? [];
        var rules = new List<SecurityRule>(entries.Count);
        foreach (var entry in entries)
        {
            var services = Members(entry, "service");
            var kind = services.Contains("application-default", StringComparer.Ordinal) ? ServiceKind.ApplicationDefault
                : services.Count == 0 || services.Contains("any", StringComparer.Ordinal) ? ServiceKind.Any
                : ServiceKind.Listed;
            rules.Add(new SecurityRule
            {
                Name = entry.Name,
                Index = rules.Count + 1,
                From = Members(entry, "from"),
                To = Members(entry, "to"),
                Source = objects.Addresses(Members(entry, "source")),
                Destination = objects.Addresses(Members(entry, "destination")),
                SourceUsers = Members(entry, "source-user"),
                Categories = Members(entry, "category"),
                Applications = Members(entry, "application"),
                ServiceKind = kind,
                Services = kind == ServiceKind.Listed ? objects.Services(services) : [],
                Action = entry.Child("action")?.Value ?? "allow",
                Disabled = string.Equals(entry.Child("disabled")?.Value, "yes", StringComparison.Ordinal),
            });
        }

        return new SecurityPolicy(rules);
    }

    /// <summary>A member list, `any` when it is not set.</summary>
    private static IReadOnlyList<string> Members(ConfigElement entry, string name) =>
        entry.Child(name) is { Members.Count: > 0 } list ? [.. list.Members] : ["any"];
}
