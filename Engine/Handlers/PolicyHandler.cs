using VirtualFirewall.Engine.Commands;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>The policy commands: `show running security-policy|nat-policy`, `test security-policy-match`.</summary>
internal static class PolicyHandler
{
    /// <summary>The command's result, or null when the command is not one of these.</summary>
    public static CommandResult? TryExecute(Device device, Command command)
    {
        _ = device;
        return command switch
        {
            _ => null,
        };
    }
}
