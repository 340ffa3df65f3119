using VirtualFirewall.Ssh.Messages;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Tests.Ssh.Messages;

[TestFixture]
public sealed class MessageNumbersTests
{
    [Test]
    public void Ranges_follow_rfc_4251_section_7()
    {
        for (var n = 0; n < 256; n++)
        {
            var number = (byte)n;
            Assert.That(MessageNumbers.IsTransportLayer(number), Is.EqualTo(n is >= 1 and <= 49), $"transport {n}");
            Assert.That(MessageNumbers.IsKeyExchange(number), Is.EqualTo(n is 20 or 21 or (>= 30 and <= 49)), $"kex {n}");
            Assert.That(MessageNumbers.IsUserAuth(number), Is.EqualTo(n is >= 50 and <= 79), $"userauth {n}");
            Assert.That(MessageNumbers.IsConnection(number), Is.EqualTo(n is >= 80 and <= 127), $"connection {n}");
        }
    }

    [Test]
    public void Message_records_use_the_assigned_numbers()
    {
        byte[] actual =
        [
            DisconnectMessage.Number, IgnoreMessage.Number, UnimplementedMessage.Number, DebugMessage.Number,
            ServiceRequestMessage.Number, ServiceAcceptMessage.Number, ExtInfoMessage.Number, KexInitMessage.Number, NewKeysMessage.Number,
            KexEcdhInitMessage.Number, KexEcdhReplyMessage.Number, KexDhInitMessage.Number, KexDhReplyMessage.Number,
            UserauthRequestMessage.Number, UserauthFailureMessage.Number, UserauthSuccessMessage.Number, UserauthBannerMessage.Number,
            UserauthPkOkMessage.Number, UserauthInfoRequestMessage.Number, UserauthInfoResponseMessage.Number,
            GlobalRequestMessage.Number, RequestSuccessMessage.Number, RequestFailureMessage.Number,
            ChannelOpenMessage.Number, ChannelOpenConfirmationMessage.Number, ChannelOpenFailureMessage.Number,
            ChannelWindowAdjustMessage.Number, ChannelDataMessage.Number, ChannelExtendedDataMessage.Number,
            ChannelEofMessage.Number, ChannelCloseMessage.Number, ChannelRequestMessage.Number,
            ChannelSuccessMessage.Number, ChannelFailureMessage.Number,
        ];
        byte[] expected =
        [
            1, 2, 3, 4, 5, 6, 7, 20, 21,
            30, 31, 30, 31,
            50, 51, 52, 53, 60, 60, 61,
            80, 81, 82,
            90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100,
        ];

        Assert.That(actual, Is.EqualTo(expected));
    }
}
