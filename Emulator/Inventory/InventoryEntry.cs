using VirtualFirewall.Emulator.Inventory.Description;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>One device of an inventory file: its name (its hostname), its description and its ports.</summary>
public sealed record InventoryEntry(string Name, DeviceDescription Description, int? SshPort, int? TelnetPort);
