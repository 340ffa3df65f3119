using System.Globalization;
using System.Numerics;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.Transport;

/// <summary>The mpint and name-list examples of RFC 4251 §5.</summary>
[TestFixture]
public sealed class DataTypeVectorTests
{
    [TestCase("0", "00000000")]
    [TestCase("9a378f9b2e332a7", "0000000809a378f9b2e332a7")]
    [TestCase("80", "000000020080")]
    [TestCase("-1234", "00000002edcc")]
    [TestCase("-deadbeef", "00000005ff21524111")]
    public void Mpint(string hex, string expected)
    {
        var negative = hex.StartsWith('-');
        var magnitude = BigInteger.Parse("0" + hex.TrimStart('-'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var value = negative ? -magnitude : magnitude;

        var written = new SshDataWriter().WriteMpint(value).ToArray();

        Assert.That(Convert.ToHexStringLower(written), Is.EqualTo(expected));
        var reader = new SshDataReader(written);
        Assert.That(reader.ReadMpint(), Is.EqualTo(value));
    }

    [TestCase("", "00000000")]
    [TestCase("00", "00000000")]
    [TestCase("000080", "000000020080")]
    [TestCase("7f", "000000017f")]
    [TestCase("0001ff", "0000000201ff")]
    public void UnsignedBytesBecomeAMinimalMpint(string bigEndian, string expected) =>
        Assert.That(Convert.ToHexStringLower(new SshDataWriter().WriteMpintUnsigned(Convert.FromHexString(bigEndian)).ToArray()), Is.EqualTo(expected));

    [TestCase(new string[0], "00000000")]
    [TestCase(new[] { "zlib" }, "000000047a6c6962")]
    [TestCase(new[] { "zlib", "none" }, "000000097a6c69622c6e6f6e65")]
    public void NameList(string[] names, string expected)
    {
        var written = new SshDataWriter().WriteNameList(names).ToArray();

        Assert.That(Convert.ToHexStringLower(written), Is.EqualTo(expected));
        Assert.That(new SshDataReader(written).ReadNameList(), Is.EqualTo(names));
    }

    [TestCase("000000057a6c6962ff")]
    [TestCase("00000005")]
    [TestCase("000000")]
    public void TruncatedOrOverlongStringsAreProtocolErrors(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.That(() => new SshDataReader(bytes.AsSpan(0, bytes.Length - 1)).ReadBinary().ToArray(), Throws.TypeOf<SshProtocolException>());
    }

    [TestCase("000000037a2c")]
    [TestCase("000000012c")]
    [TestCase("000000047a2c2c6e")]
    [TestCase("00000003612062")]
    public void MalformedNameListsAreProtocolErrors(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.That(() => new SshDataReader(bytes).ReadNameList(), Throws.TypeOf<SshProtocolException>());
    }
}
