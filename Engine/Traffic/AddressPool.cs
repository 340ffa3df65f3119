using System.Net;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>The addresses a side of a traffic flow is drawn from: one or more IPv4 ranges, each address equally likely.</summary>
public sealed record AddressPool
{
    public AddressPool(IReadOnlyList<AddressRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0)
        {
            throw new ArgumentException("An address pool holds at least one range.", nameof(ranges));
        }

        Ranges = ranges;
        Count = ranges.Sum(r => r.Count);
    }

    public IReadOnlyList<AddressRange> Ranges { get; }

    /// <summary>How many addresses the pool holds.</summary>
    public long Count { get; }

    /// <summary>A pool from range texts: `10.1.1.10-10.1.1.250`, `203.0.113.10`.</summary>
    public static AddressPool Of(params string[] ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return new AddressPool([.. ranges.Select(AddressRange.Parse)]);
    }

    /// <summary>One address of the pool, drawn from <paramref name="random"/>.</summary>
    public IPAddress Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var offset = random.NextInt64(Count);
        foreach (var range in Ranges)
        {
            if (offset < range.Count)
            {
                return range.At(offset);
            }

            offset -= range.Count;
        }

        throw new InvalidOperationException("The pool's count does not match its ranges.");
    }

    public bool Contains(IPAddress address) => Ranges.Any(r => r.Contains(address));

    public override string ToString() => string.Join(", ", Ranges);
}
