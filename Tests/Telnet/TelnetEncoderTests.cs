using VirtualFirewall.Emulator.Telnet;
using static VirtualFirewall.Emulator.Telnet.TelnetCodes;

namespace VirtualFirewall.Tests.Telnet;

[TestFixture]
public sealed class TelnetEncoderTests
{
    [Test]
    public void EscapeData_doubles_every_ff()
    {
        var escaped = TelnetEncoder.EscapeData([0xFF, .. "a"u8, 0xFF, 0xFF, 0xFE]);

        Assert.That(escaped, Is.EqualTo(new byte[] { 0xFF, 0xFF, (byte)'a', 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }));
    }

    [Test]
    public void EscapeData_leaves_other_bytes_alone()
    {
        var data = Enumerable.Range(0, 255).Select(i => (byte)i).ToArray();

        Assert.That(TelnetEncoder.EscapeData(data), Is.EqualTo(data));
    }

    [Test]
    public void EscapeData_of_nothing_is_empty()
    {
        Assert.That(TelnetEncoder.EscapeData([]), Is.Empty);
    }

    [Test]
    public void Negotiation_is_iac_verb_option()
    {
        Assert.That(TelnetEncoder.Negotiation(WILL, ECHO), Is.EqualTo(new byte[] { IAC, WILL, ECHO }));
    }

    [Test]
    public void Command_is_iac_code()
    {
        Assert.That(TelnetEncoder.Command(GA), Is.EqualTo(new byte[] { IAC, GA }));
    }

    [Test]
    public void Subnegotiation_frames_and_escapes_the_payload()
    {
        var bytes = TelnetEncoder.Subnegotiation(NAWS, [0, 0xFF, 0, 24]);

        Assert.That(bytes, Is.EqualTo(new byte[] { IAC, SB, NAWS, 0, IAC, IAC, 0, 24, IAC, SE }));
    }

    [Test]
    public void Terminal_type_send_request_is_encoded()
    {
        Assert.That(TelnetEncoder.Subnegotiation(TTYPE, [SEND]), Is.EqualTo(new byte[] { IAC, SB, TTYPE, SEND, IAC, SE }));
    }

    [Test]
    public void Encoded_stream_decodes_back([Range(0, 9)] int seed)
    {
        var random = new Random(seed);
        var data = new byte[1000];
        random.NextBytes(data);
        var payload = new byte[random.Next(0, 40)];
        random.NextBytes(payload);

        var events = new TelnetDecoder().Decode(
        [
            .. TelnetEncoder.EscapeData(data),
            .. TelnetEncoder.Subnegotiation(TTYPE, payload),
            .. TelnetEncoder.Command(NOP),
            .. TelnetEncoder.Negotiation(DO, NAWS),
        ]);

        TelnetEvent[] expected =
        [
            new TelnetData(data),
            new TelnetSubnegotiation(TTYPE, payload),
            new TelnetCommand(NOP),
            new TelnetNegotiation(DO, NAWS),
        ];
        Assert.That(events, Is.EqualTo(expected));
    }
}
