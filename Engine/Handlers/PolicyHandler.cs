using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Rendering.Policy;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>The policy commands: `show running security-policy|nat-policy`, `test security-policy-match`.</summary>
internal static class PolicyHandler
{
    /// <summary>The command's result, or null when the command is not one of these.</summary>
    public static CommandResult? TryExecute(Device device, Command command)
    {
        var running = device.Configuration.Running;
        return command switch
        {
            ShowRunningSecurityPolicyCommand => new CommandResult(Running(SecurityPolicy.Of(running))),
            ShowRunningNatPolicyCommand => new CommandResult(NatPolicyRenderer.Render(NatPolicy.Of(running).Rules)),
            TestSecurityPolicyMatchCommand c => Test(SecurityPolicy.Of(running), c),
            _ => null,
        };
    }

    private static string Running(SecurityPolicy policy) => SecurityPolicyRenderer.Running(policy.Rules, policy.Intrazone, policy.Interzone);

    /// <summary>
    /// The first rule that matches, or the default rule for the zones. A lookup without source,
    /// destination or protocol is a missing argument, which the CLI reports as `Invalid syntax.`
    /// (panos-cli-gaps.md §3.3); with nothing to show (no rule and no zones) the answer is empty.
    /// </summary>
    private static CommandResult Test(SecurityPolicy policy, TestSecurityPolicyMatchCommand command)
    {
        if (command.Source is null || command.Destination is null || command.Protocol is null)
        {
            return new CommandResult(Messages.InvalidSyntax);
        }

        var query = new PolicyQuery(command.From, command.To, command.Source, command.Destination, command.Protocol.Value, command.DestinationPort)
        {
            Application = command.Application,
            SourceUser = command.SourceUser,
        };
        return policy.Match(query) is { } rule ? new CommandResult(SecurityPolicyRenderer.Match(rule)) : CommandResult.Silent;
    }
}
