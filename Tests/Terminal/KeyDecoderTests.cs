using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Tests.Terminal;

[TestFixture]
public sealed class KeyDecoderTests
{
    private const byte Esc = 0x1B;

    // A session as clients really send it: Enter as CR LF, CR NUL, lone LF and lone CR; both DEL and
    // BS for Backspace; arrows in CSI form, Home in SS3 and `ESC [ 1 ~` forms, Delete; UTF-8 of every
    // length; netmiko's keep-alive NUL.
    private static readonly byte[] Session =
    [
        .. "show clock\r\n"u8,
        .. "ab"u8, 0x7F, 0x08, .. "c\r\0"u8,
        .. "x\n"u8,
        .. "y\rz"u8,
        0x03,
        Esc, (byte)'[', (byte)'A', Esc, (byte)'[', (byte)'B', Esc, (byte)'[', (byte)'C', Esc, (byte)'[', (byte)'D',
        Esc, (byte)'O', (byte)'H',
        Esc, (byte)'[', (byte)'3', (byte)'~',
        Esc, (byte)'[', (byte)'1', (byte)'~',
        .. "é€😀"u8,
        0x00,
        .. "q\r"u8,
    ];

    private static readonly Key[] SessionKeys =
    [
        .. Chars("show clock"), Key.Of(KeyKind.Enter),
        .. Chars("ab"), Key.Of(KeyKind.Backspace), Key.Of(KeyKind.Backspace), .. Chars("c"), Key.Of(KeyKind.Enter),
        .. Chars("x"), Key.Of(KeyKind.Enter),
        .. Chars("y"), Key.Of(KeyKind.Enter), .. Chars("z"),
        Key.Of(KeyKind.Interrupt),
        Key.Of(KeyKind.Up), Key.Of(KeyKind.Down), Key.Of(KeyKind.Right), Key.Of(KeyKind.Left),
        Key.Of(KeyKind.Home),
        Key.Of(KeyKind.Delete),
        Key.Of(KeyKind.Home),
        Key.Character(new Rune('é')), Key.Character(new Rune('€')), Key.Character(new Rune(0x1F600)),
        .. Chars("q"), Key.Of(KeyKind.Enter),
    ];

    [Test]
    public void Session_decodes_to_the_expected_keys()
    {
        Assert.That(Decode(Session), Is.EqualTo(SessionKeys));
    }

    [Test]
    public void Session_split_at_every_point_decodes_identically()
    {
        for (var split = 0; split <= Session.Length; split++)
        {
            var decoder = new KeyDecoder();
            var keys = new List<Key>();
            decoder.Decode(Session.AsSpan(0, split), keys);
            decoder.Decode(Session.AsSpan(split), keys);

            Assert.That(keys, Is.EqualTo(SessionKeys), $"split at {split}");
        }
    }

    [Test]
    public void Session_split_at_every_pair_of_points_decodes_identically()
    {
        for (var first = 0; first <= Session.Length; first++)
        {
            for (var second = first; second <= Session.Length; second++)
            {
                var decoder = new KeyDecoder();
                var keys = new List<Key>();
                decoder.Decode(Session.AsSpan(0, first), keys);
                decoder.Decode(Session.AsSpan(first, second - first), keys);
                decoder.Decode(Session.AsSpan(second), keys);

                if (!keys.SequenceEqual(SessionKeys))
                {
                    Assert.That(keys, Is.EqualTo(SessionKeys), $"split at {first} and {second}");
                }
            }
        }
    }

    [Test]
    public void Session_fed_one_byte_at_a_time_decodes_identically()
    {
        var decoder = new KeyDecoder();
        var keys = new List<Key>();
        foreach (var b in Session)
        {
            decoder.Decode([b], keys);
        }

        Assert.That(keys, Is.EqualTo(SessionKeys));
    }

    [Test]
    public void Decode_appends_to_the_list_it_is_given()
    {
        var keys = new List<Key> { Key.Of(KeyKind.Tab) };

        new KeyDecoder().Decode("a"u8, keys);

        Assert.That(keys, Is.EqualTo(new[] { Key.Of(KeyKind.Tab), Key.Character(new Rune('a')) }));
    }

    [Test]
    public void Empty_input_yields_no_keys()
    {
        Assert.That(Decode([]), Is.Empty);
    }

    [Test]
    public void Cr_then_lf_in_a_later_call_is_one_enter()
    {
        var decoder = new KeyDecoder();
        var first = new List<Key>();
        var second = new List<Key>();

        decoder.Decode("a\r"u8, first);
        decoder.Decode("\nb"u8, second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { Key.Character(new Rune('a')), Key.Of(KeyKind.Enter) }));
            Assert.That(second, Is.EqualTo(new[] { Key.Character(new Rune('b')) }));
        }
    }

    [Test]
    public void Cr_then_nul_in_a_later_call_is_one_enter()
    {
        var decoder = new KeyDecoder();
        var keys = new List<Key>();

        decoder.Decode("\r"u8, keys);
        decoder.Decode([0x00], keys);
        decoder.Decode("b"u8, keys);

        Assert.That(keys, Is.EqualTo(new[] { Key.Of(KeyKind.Enter), Key.Character(new Rune('b')) }));
    }

    [TestCase(new byte[] { 0x0D }, 1)]
    [TestCase(new byte[] { 0x0A }, 1)]
    [TestCase(new byte[] { 0x0D, 0x0A }, 1)]
    [TestCase(new byte[] { 0x0D, 0x00 }, 1)]
    [TestCase(new byte[] { 0x0D, 0x0D }, 2)]
    [TestCase(new byte[] { 0x0A, 0x0A }, 2)]
    [TestCase(new byte[] { 0x0A, 0x0D }, 2)]
    [TestCase(new byte[] { 0x0D, 0x0A, 0x0A }, 2)]
    [TestCase(new byte[] { 0x0D, 0x00, 0x00 }, 1)]
    [TestCase(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A }, 2)]
    [TestCase(new byte[] { 0x0D, 0x00, 0x0D, 0x0A }, 2)]
    public void Line_ends_count_as_the_right_number_of_enters(byte[] input, int enters)
    {
        Assert.That(Decode(input), Is.EqualTo(Enumerable.Repeat(Key.Of(KeyKind.Enter), enters)));
    }

    [Test]
    public void Lone_nul_is_dropped()
    {
        Assert.That(Decode([0x00, .. "a"u8, 0x00, 0x00, .. "b"u8, 0x00]), Is.EqualTo(Chars("ab")));
    }

    [TestCase((byte)0x01, KeyKind.Home)]
    [TestCase((byte)0x02, KeyKind.Left)]
    [TestCase((byte)0x03, KeyKind.Interrupt)]
    [TestCase((byte)0x04, KeyKind.EndOfFile)]
    [TestCase((byte)0x05, KeyKind.End)]
    [TestCase((byte)0x06, KeyKind.Right)]
    [TestCase((byte)0x08, KeyKind.Backspace)]
    [TestCase((byte)0x09, KeyKind.Tab)]
    [TestCase((byte)0x0B, KeyKind.KillToEnd)]
    [TestCase((byte)0x0E, KeyKind.Down)]
    [TestCase((byte)0x10, KeyKind.Up)]
    [TestCase((byte)0x15, KeyKind.KillLine)]
    [TestCase((byte)0x17, KeyKind.KillWord)]
    [TestCase((byte)0x7F, KeyKind.Backspace)]
    public void Control_bytes_map_to_keys(byte control, KeyKind kind)
    {
        Assert.That(Decode([.. "a"u8, control, .. "b"u8]), Is.EqualTo(new[] { Key.Character(new Rune('a')), Key.Of(kind), Key.Character(new Rune('b')) }));
    }

    [TestCase((byte)0x07)]
    [TestCase((byte)0x0C)]
    [TestCase((byte)0x0F)]
    [TestCase((byte)0x11)]
    [TestCase((byte)0x12)]
    [TestCase((byte)0x13)]
    [TestCase((byte)0x14)]
    [TestCase((byte)0x16)]
    [TestCase((byte)0x18)]
    [TestCase((byte)0x1A)]
    [TestCase((byte)0x1C)]
    [TestCase((byte)0x1F)]
    public void Other_control_bytes_are_dropped(byte control)
    {
        Assert.That(Decode([.. "a"u8, control, .. "b"u8]), Is.EqualTo(Chars("ab")));
    }

    [Test]
    public void Every_printable_ascii_byte_is_its_character()
    {
        var bytes = Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).ToArray();

        Assert.That(Decode(bytes), Is.EqualTo(bytes.Select(b => Key.Character(new Rune(b)))));
    }

    [TestCase("[A", KeyKind.Up)]
    [TestCase("[B", KeyKind.Down)]
    [TestCase("[C", KeyKind.Right)]
    [TestCase("[D", KeyKind.Left)]
    [TestCase("[H", KeyKind.Home)]
    [TestCase("[F", KeyKind.End)]
    [TestCase("OA", KeyKind.Up)]
    [TestCase("OB", KeyKind.Down)]
    [TestCase("OC", KeyKind.Right)]
    [TestCase("OD", KeyKind.Left)]
    [TestCase("OH", KeyKind.Home)]
    [TestCase("OF", KeyKind.End)]
    [TestCase("[1~", KeyKind.Home)]
    [TestCase("[7~", KeyKind.Home)]
    [TestCase("[4~", KeyKind.End)]
    [TestCase("[8~", KeyKind.End)]
    [TestCase("[3~", KeyKind.Delete)]
    [TestCase("[1;5A", KeyKind.Up)]
    [TestCase("[1;2D", KeyKind.Left)]
    public void Escape_sequences_map_to_keys(string sequence, KeyKind kind)
    {
        byte[] input = [.. "a"u8, Esc, .. Encoding.ASCII.GetBytes(sequence), .. "b"u8];

        Assert.That(Decode(input), Is.EqualTo(new[] { Key.Character(new Rune('a')), Key.Of(kind), Key.Character(new Rune('b')) }));
    }

    [TestCase("[2~")]
    [TestCase("[5~")]
    [TestCase("[6~")]
    [TestCase("[3;5~")]
    [TestCase("[11~")]
    [TestCase("[200~")]
    [TestCase("[~")]
    [TestCase("[Z")]
    [TestCase("[?1h")]
    [TestCase("OP")]
    [TestCase("x")]
    public void Unknown_escape_sequences_are_dropped_whole(string sequence)
    {
        byte[] input = [.. "a"u8, Esc, .. Encoding.ASCII.GetBytes(sequence), .. "b"u8];

        Assert.That(Decode(input), Is.EqualTo(Chars("ab")));
    }

    [Test]
    public void Escape_escape_starts_the_sequence_afresh()
    {
        Assert.That(Decode([Esc, Esc, (byte)'[', (byte)'A', .. "b"u8]), Is.EqualTo(new[] { Key.Of(KeyKind.Up), Key.Character(new Rune('b')) }));
    }

    [Test]
    public void Sequence_of_the_maximum_length_is_still_recognised()
    {
        // 16 parameter bytes, then the final byte.
        byte[] input = [Esc, (byte)'[', .. "1;1;1;1;1;1;1;11"u8, (byte)'A', .. "b"u8];

        Assert.That(Decode(input), Is.EqualTo(new[] { Key.Of(KeyKind.Up), Key.Character(new Rune('b')) }));
    }

    [Test]
    public void Over_long_control_sequence_is_ignored_up_to_its_final_byte()
    {
        // Past 16 parameter bytes the sequence is ignored whole, final byte included; its tail never reads as typing.
        byte[] input = [Esc, (byte)'[', .. "1;1;1;1;1;1;1;11111111"u8, (byte)'A', .. "ok"u8];

        Assert.That(Decode(input), Is.EqualTo(Chars("ok")));
    }

    [Test]
    public void Control_sequence_interrupted_by_a_non_parameter_byte_is_abandoned()
    {
        byte[] input = [Esc, (byte)'[', (byte)'1', 0x80, .. "ok"u8];

        Assert.That(Decode(input), Is.EqualTo(Chars("ok")));
    }

    [Test]
    public void Multi_byte_utf8_decodes_to_runes()
    {
        var text = "aé€😀中z";

        Assert.That(Decode(Encoding.UTF8.GetBytes(text)), Is.EqualTo(text.EnumerateRunes().Select(Key.Character)));
    }

    [Test]
    public void Lone_continuation_byte_is_dropped()
    {
        Assert.That(Decode([.. "a"u8, 0x80, .. "b"u8, 0xBF, .. "c"u8]), Is.EqualTo(Chars("abc")));
    }

    [Test]
    public void Truncated_lead_byte_followed_by_ascii_drops_only_the_lead()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Decode([.. "a"u8, 0xC3, .. "bc"u8]), Is.EqualTo(Chars("abc")));
            Assert.That(Decode([.. "a"u8, 0xE2, 0x82, .. "bc"u8]), Is.EqualTo(Chars("abc")));
            Assert.That(Decode([.. "a"u8, 0xF0, 0x9F, 0x98, .. "bc"u8]), Is.EqualTo(Chars("abc")));
        }
    }

    [Test]
    public void Truncated_lead_byte_followed_by_a_control_keeps_the_control()
    {
        Assert.That(
            Decode([0xE2, 0x82, 0x0D, 0xC3, 0x03, 0xF0, Esc, (byte)'[', (byte)'A']),
            Is.EqualTo(new[] { Key.Of(KeyKind.Enter), Key.Of(KeyKind.Interrupt), Key.Of(KeyKind.Up) }));
    }

    [Test]
    public void Truncated_lead_byte_followed_by_a_whole_character_keeps_the_character()
    {
        Assert.That(Decode([0xC3, .. "é"u8, 0xE2, .. "€"u8]), Is.EqualTo(Runes("é€")));
    }

    [TestCase(new byte[] { 0xC0, 0x80 })] // over-long NUL
    [TestCase(new byte[] { 0xC1, 0xBF })] // over-long DEL
    [TestCase(new byte[] { 0xE0, 0x80, 0x80 })] // over-long
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })] // UTF-16 surrogate
    [TestCase(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    [TestCase(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]
    [TestCase(new byte[] { 0xFE })]
    [TestCase(new byte[] { 0xFF })]
    [TestCase(new byte[] { 0xC2, 0x80 })] // U+0080, a C1 control
    [TestCase(new byte[] { 0xC2, 0x9B })] // U+009B, CSI as a C1 control
    public void Invalid_or_control_utf8_is_dropped(byte[] bad)
    {
        Assert.That(Decode([.. "a"u8, .. bad, .. "b"u8]), Is.EqualTo(Chars("ab")));
    }

    [Test]
    public void Random_bytes_never_throw_and_decode_the_same_however_split([Range(0, 99)] int seed)
    {
        var random = new Random(seed);
        var input = new byte[10 * 1024];
        random.NextBytes(input);
        if (seed % 2 == 1)
        {
            // Make escape sequences, line ends and UTF-8 leads common.
            byte[] interesting = [Esc, (byte)'[', (byte)'O', (byte)'~', (byte)'1', (byte)'3', (byte)';', (byte)'A', 0x0D, 0x0A, 0x00, 0xC3, 0xE2, 0xF0, 0x80, 0xA9];
            for (var i = 0; i < input.Length; i++)
            {
                if (random.Next(4) != 0)
                {
                    input[i] = interesting[random.Next(interesting.Length)];
                }
            }
        }

        var whole = new List<Key>();
        Assert.That(() => new KeyDecoder().Decode(input, whole), Throws.Nothing);

        var decoder = new KeyDecoder();
        var pieces = new List<Key>();
        for (var offset = 0; offset < input.Length;)
        {
            var length = Math.Min(random.Next(0, 20), input.Length - offset);
            decoder.Decode(input.AsSpan(offset, length), pieces);
            offset += length;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pieces, Is.EqualTo(whole));
            Assert.That(whole.Where(k => k.Kind == KeyKind.Character && (Rune.IsControl(k.Rune) || k.Rune.Value == 0)), Is.Empty);
            Assert.That(whole.Where(k => k.Kind != KeyKind.Character && k.Rune != default), Is.Empty);
        }
    }

    [Test]
    public void Key_prints_its_character_or_its_kind()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Key.Character(new Rune('€')).ToString(), Is.EqualTo("€"));
            Assert.That(Key.Of(KeyKind.Enter).ToString(), Is.EqualTo("Enter"));
        }
    }

    [Test]
    public void A_control_key_after_a_lone_escape_still_counts()
    {
        Assert.That(Decode([Esc, 0x0D, (byte)'a']), Is.EqualTo(new[] { Key.Of(KeyKind.Enter), Key.Character(new Rune('a')) }));
        Assert.That(Decode([Esc, (byte)'[', 0x03]), Is.EqualTo(new[] { Key.Of(KeyKind.Interrupt) }));
        Assert.That(Decode([Esc, (byte)'O', 0x0D]), Is.EqualTo(new[] { Key.Of(KeyKind.Enter) }));
    }

    private static List<Key> Decode(ReadOnlySpan<byte> input)
    {
        var keys = new List<Key>();
        new KeyDecoder().Decode(input, keys);
        return keys;
    }

    private static Key[] Chars(string ascii) => [.. ascii.Select(c => Key.Character(new Rune(c)))];

    private static Key[] Runes(string text) => [.. text.EnumerateRunes().Select(Key.Character)];
}
