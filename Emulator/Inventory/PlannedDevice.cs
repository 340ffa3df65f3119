namespace VirtualFirewall.Emulator.Inventory;

/// <summary>One emulated firewall of a process, as <see cref="InventoryPlan.Create"/> planned it.</summary>
/// <param name="Index">The 0-based index of the device in the whole fleet (the offset of the process plus <paramref name="Slot"/>).</param>
/// <param name="Slot">The 0-based position of the device in this process: its ports are the base ports plus this.</param>
/// <param name="Hostname">The device's hostname, unique in the fleet, such as <c>PA-VM-001</c>.</param>
/// <param name="SshPort">The local SSH port, 0 for one the OS picks, or null when SSH is not served.</param>
/// <param name="TelnetPort">The local Telnet port, 0 for one the OS picks, or null when Telnet is not served.</param>
public sealed record PlannedDevice(int Index, int Slot, string Hostname, int? SshPort, int? TelnetPort);
