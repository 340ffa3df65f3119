using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Tests.Terminal;

[TestFixture]
public sealed class TerminalWriterTests
{
    [Test]
    public void New_writer_has_nothing_pending()
    {
        var writer = new TerminalWriter();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(writer.HasPending, Is.False);
            Assert.That(writer.Take(), Is.Empty);
        }
    }

    [TestCase("\n", new byte[] { 0x0D, 0x0A })]
    [TestCase("a\nb", new byte[] { 0x61, 0x0D, 0x0A, 0x62 })]
    [TestCase("\n\n", new byte[] { 0x0D, 0x0A, 0x0D, 0x0A })]
    [TestCase("a\n", new byte[] { 0x61, 0x0D, 0x0A })]
    [TestCase("\nb", new byte[] { 0x0D, 0x0A, 0x62 })]
    public void Newline_becomes_crlf(string text, byte[] expected)
    {
        var writer = new TerminalWriter();

        writer.Write(text);

        Assert.That(writer.Take(), Is.EqualTo(expected));
    }

    [Test]
    public void Other_bytes_are_untouched()
    {
        var writer = new TerminalWriter();
        var text = new string([.. Enumerable.Range(0, 128).Where(c => c != '\n').Select(c => (char)c)]);

        writer.Write(text);

        Assert.That(writer.Take(), Is.EqualTo(Enumerable.Range(0, 128).Where(c => c != '\n').Select(c => (byte)c)));
    }

    [Test]
    public void Carriage_returns_are_passed_through_as_written()
    {
        var writer = new TerminalWriter();

        writer.Write("a\rb\r\nc");

        Assert.That(writer.Take(), Is.EqualTo("a\rb\r\r\nc"u8.ToArray()));
    }

    [Test]
    public void Text_is_encoded_as_utf8()
    {
        var writer = new TerminalWriter();

        writer.Write("é€😀\n中");

        Assert.That(
            writer.Take(),
            Is.EqualTo(new byte[] { 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x0D, 0x0A, 0xE4, 0xB8, 0xAD }));
    }

    [Test]
    public void Successive_writes_are_concatenated()
    {
        var writer = new TerminalWriter();

        writer.Write("show");
        writer.Write(string.Empty);
        writer.Write(new StringBuilder(" clock\n"));
        writer.Write("> ");

        Assert.That(writer.Take(), Is.EqualTo("show clock\r\n> "u8.ToArray()));
    }

    [Test]
    public void Empty_write_leaves_nothing_pending()
    {
        var writer = new TerminalWriter();

        writer.Write(string.Empty);
        writer.Write(new StringBuilder());

        Assert.That(writer.HasPending, Is.False);
    }

    [Test]
    public void Take_returns_and_clears()
    {
        var writer = new TerminalWriter();
        writer.Write("one\n");

        var pendingBefore = writer.HasPending;
        var first = writer.Take();
        var pendingAfter = writer.HasPending;
        var second = writer.Take();
        writer.Write("two");
        var third = writer.Take();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pendingBefore, Is.True);
            Assert.That(first, Is.EqualTo("one\r\n"u8.ToArray()));
            Assert.That(pendingAfter, Is.False);
            Assert.That(second, Is.Empty);
            Assert.That(third, Is.EqualTo("two"u8.ToArray()));
        }
    }

    [Test]
    public void Taken_array_is_not_overwritten_by_later_writes()
    {
        var writer = new TerminalWriter();
        writer.Write("abc");
        var first = writer.Take();

        writer.Write("xyz");

        Assert.That(first, Is.EqualTo("abc"u8.ToArray()));
    }

    [Test]
    public void Large_text_with_many_newlines_is_converted_completely()
    {
        var writer = new TerminalWriter();
        var text = new StringBuilder();
        var expected = new List<byte>();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("line é\n");
            expected.AddRange("line é\r\n"u8.ToArray());
        }

        writer.Write(text);

        Assert.That(writer.Take(), Is.EqualTo(expected));
    }

    // The writer encodes in windows of 32 Ki chars; a surrogate pair on the edge must stay whole.
    [TestCase(32 * 1024 - 1)]
    [TestCase(32 * 1024)]
    [TestCase(32 * 1024 + 1)]
    [TestCase(64 * 1024 - 1)]
    public void Long_text_keeps_surrogate_pairs_and_line_ends_at_every_window_edge(int offset)
    {
        var text = new StringBuilder().Append('x', offset).Append("😀\nab\n").Append('y', 40_000).ToString();
        var writer = new TerminalWriter();

        writer.Write(text);

        Assert.That(writer.Take(), Is.EqualTo(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))));
    }

    [Test]
    public void A_builder_whose_chunks_split_a_surrogate_pair_is_encoded_whole()
    {
        // Appending in pieces makes a builder of several chunks; the emoji's halves land in two of them.
        var text = new StringBuilder(16);
        text.Append('a', 15).Append('\uD83D');
        text.Append('\uDE00').Append("\nend").Append('b', 100);
        var chunks = 0;
        foreach (var chunk in text.GetChunks())
        {
            chunks++;
        }

        Assert.That(chunks, Is.GreaterThan(1), "the test needs a builder of several chunks");
        var writer = new TerminalWriter();

        writer.Write(text);

        Assert.That(writer.Take(), Is.EqualTo(Encoding.UTF8.GetBytes(text.ToString().Replace("\n", "\r\n", StringComparison.Ordinal))));
    }

    [Test]
    public void Pending_count_is_the_bytes_since_the_last_take()
    {
        var writer = new TerminalWriter();

        writer.Write("ab\né");

        Assert.That(writer.PendingCount, Is.EqualTo(6));
        writer.Take();
        Assert.That(writer.PendingCount, Is.Zero);
    }
}
