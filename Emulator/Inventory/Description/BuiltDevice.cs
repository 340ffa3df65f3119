using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Traffic;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>A device made from its description, with the clock it runs on and its traffic generator (null when it has none).</summary>
public sealed record BuiltDevice(Device Device, AdjustableTimeProvider Clock, TrafficGenerator? Generator);
