using System.Globalization;
using System.Runtime.CompilerServices;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Policy;

/// <summary>The NAT rulebase of one configuration, compiled once per tree as <see cref="SecurityPolicy"/> is.</summary>
public sealed class NatPolicy
{
    private static readonly ConditionalWeakTable<ConfigElement, NatPolicy> Compiled = [];

    private NatPolicy(IReadOnlyList<NatRule> rules) => Rules = rules;

    /// <summary>The configured rules in rulebase order, disabled ones included.</summary>
    public IReadOnlyList<NatRule> Rules { get; }

    public static NatPolicy Of(ConfigElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Compiled.GetValue(root, Compile);
    }

    private static NatPolicy Compile(ConfigElement root)
    {
        var objects = new PolicyObjects(root);
        var rules = new List<NatRule>();
        var pools = 0;
        foreach (var entry in root.Child("rulebase")?.Child("nat")?.Child("rules")?.Children ?? [])
        {
            var service = entry.Child("service")?.Value;
            var source = SourceTranslation(entry.Child("source-translation"), objects, ref pools);
            var destination = DestinationTranslation(entry.Child("destination-translation"), objects);
            rules.Add(new NatRule
            {
                Name = entry.Name,
                Index = rules.Count + 1,
                From = Members(entry, "from"),
                To = Members(entry, "to"),
                Source = objects.Addresses(Members(entry, "source")),
                Destination = objects.Addresses(Members(entry, "destination")),
                ToInterface = entry.Child("to-interface")?.Value ?? string.Empty,
                Service = service is null or "any" ? [ServiceEntry.AnyProtocol] : objects.Services([service]),
                TranslateTo = string.Join("; ", new[] { source, destination }.Where(t => t.Length > 0)),
                Disabled = string.Equals(entry.Child("disabled")?.Value, "yes", StringComparison.Ordinal),
            });
        }

        return new NatPolicy(rules);
    }

    // paloalto_panos_show_running_nat-policy.raw: `src: ethernet1/1 200.10.10.1 (dynamic-ip-and-port) (pool idx: 2)`;
    // the pool index counts the rules that translate sources, from 1 (policy1.raw and the vault27 sample).
    private static string SourceTranslation(ConfigElement? translation, PolicyObjects objects, ref int pools)
    {
        if (translation?.Child("dynamic-ip-and-port") is not { } dynamic)
        {
            return string.Empty;
        }

        pools++;
        var addresses = dynamic.Child("interface-address")?.Child("interface")?.Value is { } name
            ? name + (objects.InterfaceAddress(name) is { } ip ? " " + ip : string.Empty)
            : string.Join(' ', objects.Addresses(dynamic.Child("translated-address")?.Members ?? []).Shown);
        return string.Create(CultureInfo.InvariantCulture, $"src: {addresses} (dynamic-ip-and-port) (pool idx: {pools})");
    }

    // paloalto_panos_show_running_nat-policy.raw: `dst: 10.1.2.10`. RECONSTRUCTED: a translated port follows after a colon.
    private static string DestinationTranslation(ConfigElement? translation, PolicyObjects objects)
    {
        if (translation?.Child("translated-address")?.Value is not { } address)
        {
            return string.Empty;
        }

        var shown = string.Join(' ', objects.Addresses([address]).Shown);
        return translation.Child("translated-port")?.Value is { } port ? $"dst: {shown}:{port}" : "dst: " + shown;
    }

    private static IReadOnlyList<string> Members(ConfigElement entry, string name) =>
        entry.Child(name) is { Members.Count: > 0 } list ? [.. list.Members] : ["any"];
}
