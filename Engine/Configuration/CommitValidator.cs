namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// What `commit` checks before it accepts a candidate: that rules and zones name things that exist.
/// Messages follow the `... 'x' is not a valid reference` / `... is invalid` pair of the captured
/// server error (panos-cli-reference.md §2.6), with the path written as `a -> b -> c`.
/// </summary>
public static class CommitValidator
{
    private static readonly string[] AnyAddress = ["any"];
    private static readonly string[] AnyService = ["any", "application-default", "service-http", "service-https"];

    public static IReadOnlyList<string> Check(ConfigElement candidate)
    {
        var errors = new List<string>();
        var zones = Names(candidate, "zone");
        var addresses = Names(candidate, "address").Concat(Names(candidate, "address-group")).Concat(AnyAddress).ToHashSet(StringComparer.Ordinal);
        var services = Names(candidate, "service").Concat(Names(candidate, "service-group")).Concat(AnyService).ToHashSet(StringComparer.Ordinal);
        var interfaces = Names(candidate.Child("network")?.Child("interface"), "ethernet");

        foreach (var zone in Entries(candidate, "zone"))
        {
            CheckMembers(errors, $"zone -> {zone.Name} -> network -> layer3", zone.Child("network")?.Child("layer3"), interfaces.Contains);
        }

        foreach (var (kind, rule) in Rules(candidate))
        {
            var path = $"rulebase -> {kind} -> rules -> {rule.Name}";
            foreach (var side in new[] { "from", "to" })
            {
                CheckMembers(errors, $"{path} -> {side}", rule.Child(side), z => zones.Contains(z) || z == "any");
            }

            foreach (var side in new[] { "source", "destination" })
            {
                CheckMembers(errors, $"{path} -> {side}", rule.Child(side), a => addresses.Contains(a) || IsLiteralAddress(a));
            }

            if (string.Equals(kind, "security", StringComparison.Ordinal))
            {
                CheckMembers(errors, $"{path} -> service", rule.Child("service"), services.Contains);
            }
        }

        return errors;
    }

    private static void CheckMembers(List<string> errors, string path, ConfigElement? list, Func<string, bool> exists)
    {
        if (list is null)
        {
            return;
        }

        var bad = list.Members.Where(m => !exists(m)).ToList();
        foreach (var member in bad)
        {
            errors.Add($"{path} '{member}' is not a valid reference");
        }

        if (bad.Count > 0)
        {
            errors.Add($"{path} is invalid");
        }
    }

    private static bool IsLiteralAddress(string value) =>
        ConfigValues.IpNetmask(value) is null || ConfigValues.IpRange(value) is null;

    private static IEnumerable<(string Kind, ConfigElement Rule)> Rules(ConfigElement candidate)
    {
        foreach (var kind in new[] { "security", "nat" })
        {
            foreach (var rule in candidate.Child("rulebase")?.Child(kind)?.Child("rules")?.Children ?? [])
            {
                yield return (kind, rule);
            }
        }
    }

    private static List<ConfigElement> Entries(ConfigElement? parent, string list) => parent?.Child(list)?.Children ?? [];

    private static HashSet<string> Names(ConfigElement? parent, string list) =>
        Entries(parent, list).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
}
