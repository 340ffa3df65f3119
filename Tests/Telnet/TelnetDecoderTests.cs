using VirtualFirewall.Emulator.Telnet;
using static VirtualFirewall.Emulator.Telnet.TelnetCodes;

namespace VirtualFirewall.Tests.Telnet;

[TestFixture]
public sealed class TelnetDecoderTests
{
    // What a typical client sends on connect and during a session: negotiation, NAWS carrying an escaped 0xFF,
    // TTYPE, data with an escaped 0xFF, commands, a stray SE and an aborted subnegotiation.
    private static readonly byte[] Session =
    [
        IAC, WILL, NAWS, IAC, WILL, TTYPE, IAC, DO, ECHO, IAC, DO, SGA,
        IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE,
        IAC, SB, NAWS, 0, IAC, IAC, 0, 50, IAC, SE,
        IAC, SB, TTYPE, IS, .. "XTERM-256COLOR"u8, IAC, SE,
        .. "admin\r\n"u8,
        .. "pa"u8, IAC, IAC, .. "ss\r\0"u8,
        IAC, NOP, IAC, AYT,
        .. "show system info\r\n"u8,
        IAC, SE, .. "x"u8,
        IAC, SB, TTYPE, 1, 2, IAC, IP,
        IAC, EL, IAC, EC, IAC, BRK, IAC, AO, IAC, GA, IAC, DM, IAC, EOR,
        IAC, WONT, NAWS, IAC, DONT, ECHO,
        .. "exit\r\n"u8,
    ];

    // Short enough to try every pair of split points, yet covering each decoder state.
    private static readonly byte[] ShortStream =
    [
        .. "ab"u8, IAC, IAC, .. "c"u8, IAC, NOP, IAC, WILL, NAWS,
        IAC, SB, NAWS, 0, IAC, IAC, 0, 24, IAC, SE, IAC, SE, .. "d"u8,
        IAC, SB, TTYPE, 9, IAC, AYT, IAC, SB, IAC, IAC, 7, IAC, SE, .. "e"u8,
    ];

    [Test]
    public void Session_decodes_to_the_expected_events()
    {
        var events = Normalize(new TelnetDecoder().Decode(Session));

        TelnetEvent[] expected =
        [
            new TelnetNegotiation(WILL, NAWS),
            new TelnetNegotiation(WILL, TTYPE),
            new TelnetNegotiation(DO, ECHO),
            new TelnetNegotiation(DO, SGA),
            new TelnetSubnegotiation(NAWS, [0, 80, 0, 24]),
            new TelnetSubnegotiation(NAWS, [0, 0xFF, 0, 50]),
            new TelnetSubnegotiation(TTYPE, [IS, .. "XTERM-256COLOR"u8]),
            new TelnetData([.. "admin\r\npa"u8, 0xFF, .. "ss\r\0"u8]),
            new TelnetCommand(NOP),
            new TelnetCommand(AYT),
            new TelnetData([.. "show system info\r\nx"u8]),
            new TelnetCommand(IP),
            new TelnetCommand(EL),
            new TelnetCommand(EC),
            new TelnetCommand(BRK),
            new TelnetCommand(AO),
            new TelnetCommand(GA),
            new TelnetCommand(DM),
            new TelnetCommand(EOR),
            new TelnetNegotiation(WONT, NAWS),
            new TelnetNegotiation(DONT, ECHO),
            new TelnetData([.. "exit\r\n"u8]),
        ];
        Assert.That(events, Is.EqualTo(expected));
    }

    [Test]
    public void Session_split_at_every_point_decodes_identically()
    {
        var whole = Normalize(new TelnetDecoder().Decode(Session));

        for (var split = 0; split <= Session.Length; split++)
        {
            var decoder = new TelnetDecoder();
            var events = decoder.Decode(Session.AsSpan(0, split)).Concat(decoder.Decode(Session.AsSpan(split)));
            Assert.That(Normalize(events), Is.EqualTo(whole), $"split at {split}");
        }
    }

    [Test]
    public void Session_fed_one_byte_at_a_time_decodes_identically()
    {
        var whole = Normalize(new TelnetDecoder().Decode(Session));
        var decoder = new TelnetDecoder();

        var events = Session.SelectMany(b => decoder.Decode([b])).ToList();

        Assert.That(Normalize(events), Is.EqualTo(whole));
    }

    [Test]
    public void Short_stream_split_at_every_pair_of_points_decodes_identically()
    {
        var whole = Normalize(new TelnetDecoder().Decode(ShortStream));
        Assert.That(whole, Has.Count.GreaterThan(5));

        for (var first = 0; first <= ShortStream.Length; first++)
        {
            for (var second = first; second <= ShortStream.Length; second++)
            {
                var decoder = new TelnetDecoder();
                var events = decoder.Decode(ShortStream.AsSpan(0, first))
                    .Concat(decoder.Decode(ShortStream.AsSpan(first, second - first)))
                    .Concat(decoder.Decode(ShortStream.AsSpan(second)));
                Assert.That(Normalize(events), Is.EqualTo(whole), $"split at {first} and {second}");
            }
        }
    }

    [Test]
    public void Data_is_coalesced_within_one_call()
    {
        var events = new TelnetDecoder().Decode([.. "ab"u8, IAC, IAC, .. "c"u8, IAC, SE, .. "d"u8]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "ab"u8, 0xFF, .. "cd"u8]) }));
    }

    [Test]
    public void Empty_input_yields_no_events()
    {
        Assert.That(new TelnetDecoder().Decode([]), Is.Empty);
    }

    [Test]
    public void Iac_iac_is_a_single_ff_data_byte()
    {
        var events = new TelnetDecoder().Decode([IAC, IAC, IAC, IAC]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetData([0xFF, 0xFF]) }));
    }

    [Test]
    public void Iac_split_from_its_escape_still_yields_data()
    {
        var decoder = new TelnetDecoder();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoder.Decode([.. "a"u8, IAC]), Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "a"u8]) }));
            Assert.That(decoder.Decode([IAC]), Is.EqualTo(new TelnetEvent[] { new TelnetData([0xFF]) }));
        }
    }

    [TestCase(NOP)]
    [TestCase(AYT)]
    [TestCase(IP)]
    [TestCase(BRK)]
    [TestCase(AO)]
    [TestCase(EC)]
    [TestCase(EL)]
    [TestCase(GA)]
    [TestCase(DM)]
    [TestCase(EOR)]
    [TestCase((byte)0)]
    [TestCase((byte)'x')]
    public void Iac_and_a_command_byte_is_a_command(byte code)
    {
        var events = new TelnetDecoder().Decode([.. "a"u8, IAC, code, .. "b"u8]);

        TelnetEvent[] expected = [new TelnetData([.. "a"u8]), new TelnetCommand(code), new TelnetData([.. "b"u8])];
        Assert.That(events, Is.EqualTo(expected));
    }

    [TestCase(WILL)]
    [TestCase(WONT)]
    [TestCase(DO)]
    [TestCase(DONT)]
    public void Negotiation_carries_verb_and_option(byte verb)
    {
        var events = new TelnetDecoder().Decode([IAC, verb, IAC]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetNegotiation(verb, IAC) }));
    }

    [Test]
    public void Stray_se_outside_subnegotiation_is_ignored()
    {
        var events = new TelnetDecoder().Decode([IAC, SE, .. "ok"u8, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "ok"u8]) }));
    }

    [Test]
    public void Naws_subnegotiation_with_escaped_ff_is_unescaped()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, NAWS, IAC, IAC, IAC, IAC, 0, IAC, IAC, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(NAWS, [0xFF, 0xFF, 0, 0xFF]) }));
    }

    [Test]
    public void Empty_subnegotiation_is_delivered()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, TTYPE, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(TTYPE, []) }));
    }

    [Test]
    public void Subnegotiation_without_option_is_discarded()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, IAC, SE, .. "z"u8]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "z"u8]) }));
    }

    [Test]
    public void Escaped_ff_option_byte_is_option_255()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, IAC, IAC, 1, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(255, [1]) }));
    }

    [Test]
    public void Subnegotiation_of_exactly_the_maximum_length_is_delivered()
    {
        var payload = Enumerable.Repeat((byte)'a', 16).ToArray();

        var events = new TelnetDecoder(16).Decode([IAC, SB, TTYPE, .. payload, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(TTYPE, payload) }));
    }

    [Test]
    public void Subnegotiation_over_the_maximum_length_is_discarded_up_to_its_se()
    {
        var payload = Enumerable.Repeat((byte)'a', 17).ToArray();

        var events = new TelnetDecoder(16).Decode([IAC, SB, TTYPE, .. payload, IAC, SE, .. "ok"u8]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "ok"u8]) }));
    }

    [Test]
    public void Escaped_ff_counts_once_toward_the_maximum_length()
    {
        var events = new TelnetDecoder(2).Decode([IAC, SB, NAWS, IAC, IAC, IAC, IAC, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(NAWS, [0xFF, 0xFF]) }));
    }

    [Test]
    public void Unterminated_megabyte_subnegotiation_keeps_bounded_state_and_recovers()
    {
        var decoder = new TelnetDecoder();
        Assert.That(decoder.Decode([IAC, SB, TTYPE]), Is.Empty);

        // Junk free of IAC, so nothing in it can end the subnegotiation.
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i % 255);
        }

        for (var fed = 0; fed < 1024 * 1024; fed += chunk.Length)
        {
            var events = decoder.Decode(chunk);
            Assert.That(events, Is.Empty);
            Assert.That(decoder.SubnegotiationBufferCapacity, Is.LessThanOrEqualTo(512));
        }

        var recovered = decoder.Decode([IAC, SE, .. "show clock\n"u8]);

        Assert.That(recovered, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "show clock\n"u8]) }));
    }

    [Test]
    public void Buffer_is_reused_after_an_oversized_subnegotiation()
    {
        var decoder = new TelnetDecoder();
        decoder.Decode([IAC, SB, TTYPE, .. new byte[10_000], IAC, SE]);

        var events = decoder.Decode([IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(NAWS, [0, 80, 0, 24]) }));
            Assert.That(decoder.SubnegotiationBufferCapacity, Is.LessThanOrEqualTo(512));
        }
    }

    [Test]
    public void Repeated_iac_sb_never_wedges_the_decoder()
    {
        var decoder = new TelnetDecoder();
        var flood = new byte[200_000];
        for (var i = 0; i < flood.Length; i += 2)
        {
            flood[i] = IAC;
            flood[i + 1] = SB;
        }

        var floodEvents = decoder.Decode(flood);
        var afterSe = decoder.Decode([IAC, SE, .. "hi"u8]);
        decoder.Decode(flood);
        var afterCommand = decoder.Decode([IAC, NOP, .. "there"u8]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(floodEvents, Is.Empty);
            Assert.That(afterSe, Is.EqualTo(new TelnetEvent[] { new TelnetData([.. "hi"u8]) }));
            TelnetEvent[] expected = [new TelnetCommand(NOP), new TelnetData([.. "there"u8])];
            Assert.That(afterCommand, Is.EqualTo(expected));
            Assert.That(decoder.SubnegotiationBufferCapacity, Is.LessThanOrEqualTo(512));
        }
    }

    [Test]
    public void Command_inside_subnegotiation_aborts_it_and_is_processed()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, NAWS, 0, 80, IAC, WILL, TTYPE, .. "a"u8]);

        TelnetEvent[] expected = [new TelnetNegotiation(WILL, TTYPE), new TelnetData([.. "a"u8])];
        Assert.That(events, Is.EqualTo(expected));
    }

    [Test]
    public void Iac_iac_inside_subnegotiation_is_not_mistaken_for_its_end()
    {
        var events = new TelnetDecoder().Decode([IAC, SB, TTYPE, IAC, IAC, SE, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(TTYPE, [0xFF, SE]) }));
    }

    [Test]
    public void Zero_maximum_delivers_only_empty_subnegotiations()
    {
        var decoder = new TelnetDecoder(0);

        var events = decoder.Decode([IAC, SB, TTYPE, IAC, SE, IAC, SB, NAWS, 1, IAC, SE]);

        Assert.That(events, Is.EqualTo(new TelnetEvent[] { new TelnetSubnegotiation(TTYPE, []) }));
    }

    [Test]
    public void Random_bytes_never_throw_and_decode_the_same_however_split(
        [Range(0, 49)] int seed,
        [Values] bool biased)
    {
        var random = new Random(seed);
        var input = biased ? BiasedBytes(random, 10 * 1024) : RandomBytes(random, 10 * 1024);
        var maxSubnegotiationLength = random.Next(0, 64);

        var whole = Normalize(new TelnetDecoder(maxSubnegotiationLength).Decode(input));
        var decoder = new TelnetDecoder(maxSubnegotiationLength);
        var events = new List<TelnetEvent>();
        for (var offset = 0; offset < input.Length;)
        {
            var length = Math.Min(random.Next(0, 40), input.Length - offset);
            events.AddRange(decoder.Decode(input.AsSpan(offset, length)));
            offset += length;
        }

        Assert.That(Normalize(events), Is.EqualTo(whole));
    }

    [Test]
    public void Events_print_their_bytes_as_hex()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new TelnetData([0x41, 0xFF]).ToString(), Is.EqualTo("TelnetData { Bytes = 41FF }"));
            Assert.That(
                new TelnetSubnegotiation(NAWS, [0, 80]).ToString(),
                Is.EqualTo("TelnetSubnegotiation { Option = 31, Payload = 0050 }"));
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // Uniform bytes rarely form Telnet syntax; this mix makes IAC sequences, SB and SE common.
    private static byte[] BiasedBytes(Random random, int length)
    {
        byte[] interesting = [IAC, IAC, IAC, SB, SE, WILL, DO, NOP, NAWS, TTYPE, 0, (byte)'a'];
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = random.Next(4) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
        }

        return bytes;
    }

    /// <summary>Merges adjacent data events, whose grouping depends on how the input was split.</summary>
    private static List<TelnetEvent> Normalize(IEnumerable<TelnetEvent> events)
    {
        var result = new List<TelnetEvent>();
        var pending = new List<byte>();
        foreach (var e in events)
        {
            if (e is TelnetData d)
            {
                pending.AddRange(d.Bytes);
                continue;
            }

            if (pending.Count > 0)
            {
                result.Add(new TelnetData([.. pending]));
                pending.Clear();
            }

            result.Add(e);
        }

        if (pending.Count > 0)
        {
            result.Add(new TelnetData([.. pending]));
        }

        return result;
    }
}
