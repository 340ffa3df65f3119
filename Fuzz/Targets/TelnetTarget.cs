using VirtualFirewall.Emulator.Telnet;
using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// The Telnet byte stream from a client: the IAC decoder, in one piece and byte by byte (which must give
/// the same events but for the grouping of data bytes), the option negotiator fed every negotiation, and
/// the NAWS and terminal-type parsers fed every subnegotiation. Nothing here may throw.
/// </summary>
public sealed class TelnetTarget : IFuzzTarget
{
    public string Name => "telnet";

    public void Run(ReadOnlySpan<byte> input)
    {
        var whole = new TelnetDecoder().Decode(input);
        var split = new TelnetDecoder();
        var pieces = new List<TelnetEvent>();
        foreach (var b in input)
        {
            pieces.AddRange(split.Decode([b]));
        }

        if (!Normalise(whole).SequenceEqual(Normalise(pieces)))
        {
            throw new InvariantViolationException("decoding byte by byte gave other events than decoding at once");
        }

        var negotiator = TelnetOptionNegotiator.ForServer();
        foreach (var e in whole)
        {
            switch (e)
            {
                case TelnetNegotiation negotiation:
                    negotiator.Receive(negotiation);
                    break;
                case TelnetSubnegotiation sub:
                    _ = TelnetSubnegotiationParser.TryParseNaws(sub.Payload, out _, out _);
                    _ = TelnetSubnegotiationParser.TryParseTerminalType(sub.Payload, out _);
                    break;
            }
        }
    }

    /// <summary>The events with adjacent data merged, as the decoder's contract compares them.</summary>
    private static List<TelnetEvent> Normalise(IEnumerable<TelnetEvent> events)
    {
        var merged = new List<TelnetEvent>();
        foreach (var e in events)
        {
            if (e is TelnetData data && merged.Count > 0 && merged[^1] is TelnetData previous)
            {
                merged[^1] = new TelnetData([.. previous.Bytes, .. data.Bytes]);
            }
            else
            {
                merged.Add(e);
            }
        }

        return merged;
    }
}
