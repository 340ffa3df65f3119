using VirtualFirewall.Emulator.Telnet;
using static VirtualFirewall.Emulator.Telnet.TelnetCodes;

namespace VirtualFirewall.Tests.Telnet;

[TestFixture]
public sealed class TelnetSubnegotiationParserTests
{
    [TestCase(new byte[] { 0, 80, 0, 24 }, 80, 24)]
    [TestCase(new byte[] { 0, 0xFF, 1, 0 }, 255, 256)]
    [TestCase(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, 65535, 65535)]
    [TestCase(new byte[] { 0, 0, 0, 0 }, 0, 0)]
    public void Naws_is_two_big_endian_words(byte[] payload, int width, int height)
    {
        var ok = TelnetSubnegotiationParser.TryParseNaws(payload, out var w, out var h);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(w, Is.EqualTo(width));
            Assert.That(h, Is.EqualTo(height));
        }
    }

    [TestCase(new byte[] { })]
    [TestCase(new byte[] { 0, 80, 0 })]
    [TestCase(new byte[] { 0, 80, 0, 24, 0 })]
    public void Naws_of_the_wrong_length_is_rejected(byte[] payload)
    {
        var ok = TelnetSubnegotiationParser.TryParseNaws(payload, out var w, out var h);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(w, Is.Zero);
            Assert.That(h, Is.Zero);
        }
    }

    [TestCase("XTERM-256COLOR")]
    [TestCase("vt100")]
    [TestCase("A")]
    [TestCase("DEC-VT220 WITH SPACE")]
    [TestCase("0123456789012345678901234567890123456789")]
    public void Terminal_type_is_reported_as_sent(string name)
    {
        var ok = TelnetSubnegotiationParser.TryParseTerminalType([IS, .. System.Text.Encoding.ASCII.GetBytes(name)], out var type);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(type, Is.EqualTo(name));
        }
    }

    [TestCase(new byte[] { })]
    [TestCase(new byte[] { IS })]
    [TestCase(new byte[] { SEND })]
    [TestCase(new byte[] { SEND, (byte)'X' })]
    [TestCase(new byte[] { IS, (byte)'X', 0x1B, (byte)'Y' })]
    [TestCase(new byte[] { IS, (byte)'X', 0x7F })]
    [TestCase(new byte[] { IS, 0xC3, 0xA9 })]
    [TestCase(new byte[] { IS, (byte)'X', 0 })]
    public void Malformed_terminal_type_is_rejected(byte[] payload)
    {
        var ok = TelnetSubnegotiationParser.TryParseTerminalType(payload, out var type);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(type, Is.Empty);
        }
    }

    [Test]
    public void Terminal_type_over_forty_characters_is_rejected()
    {
        var ok = TelnetSubnegotiationParser.TryParseTerminalType([IS, .. Enumerable.Repeat((byte)'X', 41)], out _);

        Assert.That(ok, Is.False);
    }
}
