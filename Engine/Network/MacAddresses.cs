using System.Globalization;

namespace VirtualFirewall.Engine.Network;

/// <summary>
/// Interface MACs the way PAN-OS hands them out: the base MAC plus the interface id, printed in
/// lower case (ethernet1/1, id 16, is base + 0x10 in paloalto_panos_show_interface_hardware.raw;
/// vlan, loopback and tunnel are base + 1, 3, 4 in both hardware samples).
/// </summary>
public static class MacAddresses
{
    public static string Offset(string baseMac, int offset)
    {
        ArgumentNullException.ThrowIfNull(baseMac);
        var parts = baseMac.Split(':');
        if (parts.Length != 6)
        {
            throw new ArgumentException("A MAC address has six octets: " + baseMac, nameof(baseMac));
        }

        long value = 0;
        foreach (var part in parts)
        {
            value = (value << 8) | long.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        value = (value + offset) & 0xFFFF_FFFF_FFFFL;
        var octets = new string[6];
        for (var i = 5; i >= 0; i--)
        {
            octets[i] = ((int)(value & 0xFF)).ToString("x2", CultureInfo.InvariantCulture);
            value >>= 8;
        }

        return string.Join(':', octets);
    }
}
