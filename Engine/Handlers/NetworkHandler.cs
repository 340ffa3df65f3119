using VirtualFirewall.Engine.Commands;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>The network show commands: interfaces, routes, ARP and MAC tables, HA, jobs, licences, LLDP.</summary>
internal static class NetworkHandler
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
