using System.Text;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

public sealed class HostKeyFileTests
{
    private static IEnumerable<string> Kinds => TestKeys.Kinds;

    [TestCaseSource(nameof(Kinds))]
    public void Export_then_import_gives_the_same_key(string kind)
    {
        var key = TestKeys.Get(kind);
        using var imported = HostKeyFile.Import(HostKeyFile.Export(key, "test key"));
        Assert.Multiple(() =>
        {
            Assert.That(imported.GetType(), Is.EqualTo(key.GetType()));
            Assert.That(imported.KeyType, Is.EqualTo(key.KeyType));
            Assert.That(imported.PublicKeyBlob, Is.EqualTo(key.PublicKeyBlob));
            Assert.That(imported.Fingerprint, Is.EqualTo(key.Fingerprint));
            Assert.That(imported.SignatureAlgorithms, Is.EqualTo(key.SignatureAlgorithms));
        });

        foreach (var algorithm in imported.SignatureAlgorithms)
        {
            Assert.That(SignatureVerifier.Verify(algorithm, key.PublicKeyBlob, "data"u8, imported.Sign(algorithm, "data"u8)), Is.True);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_file_has_openssh_armor_and_layout(string kind)
    {
        var key = TestKeys.Get(kind);
        var text = HostKeyFile.Export(key, "a comment");
        var lines = text.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("-----BEGIN OPENSSH PRIVATE KEY-----"));
            Assert.That(lines[^2], Is.EqualTo("-----END OPENSSH PRIVATE KEY-----"));
            Assert.That(lines[^1], Is.Empty);
            Assert.That(lines[1..^2], Has.All.Length.InRange(1, 70));
            Assert.That(text, Does.Not.Contain("\r"));
        });

        var parts = KeyFileParts.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(parts.Cipher, Is.EqualTo("none"));
            Assert.That(parts.Kdf, Is.EqualTo("none"));
            Assert.That(parts.KdfOptions, Is.Empty);
            Assert.That(parts.Count, Is.EqualTo(1u));
            Assert.That(parts.PublicKey, Is.EqualTo(key.PublicKeyBlob));
            Assert.That(parts.Secret.Length % 8, Is.Zero);
        });

        var secret = new SshDataReader(parts.Secret);
        var check1 = secret.ReadUInt32();
        var check2 = secret.ReadUInt32();
        Assert.That(check2, Is.EqualTo(check1));
        Assert.That(secret.ReadString(), Is.EqualTo(key.KeyType));
    }

    [Test]
    public void Padding_counts_up_from_one()
    {
        for (var length = 0; length < 8; length++)
        {
            var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), new string('c', length)));
            var secret = new SshDataReader(parts.Secret);
            secret.ReadUInt32();
            secret.ReadUInt32();
            secret.ReadString();
            secret.ReadBinary();
            secret.ReadBinary();
            Assert.That(secret.ReadString(), Is.EqualTo(new string('c', length)));
            var padding = secret.ReadRest().ToArray();
            Assert.That(padding, Has.Length.LessThan(8));
            Assert.That(padding, Is.EqualTo(Enumerable.Range(1, padding.Length).Select(i => (byte)i).ToArray()));
        }
    }

    [Test]
    public void Checkints_are_random()
    {
        var first = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c")).Secret[..4];
        var second = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c")).Secret[..4];
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCaseSource(nameof(Kinds))]
    public void ExportPublic_is_the_authorized_keys_line(string kind)
    {
        var key = TestKeys.Get(kind);
        Assert.Multiple(() =>
        {
            Assert.That(HostKeyFile.ExportPublic(key, "me@host"), Is.EqualTo($"{key.KeyType} {Convert.ToBase64String(key.PublicKeyBlob)} me@host"));
            Assert.That(HostKeyFile.ExportPublic(key, string.Empty), Is.EqualTo($"{key.KeyType} {Convert.ToBase64String(key.PublicKeyBlob)}"));
        });
    }

    [Test]
    public void Import_tolerates_crlf_and_surrounding_whitespace()
    {
        var key = TestKeys.Get("nistp256");
        var text = "\n  " + HostKeyFile.Export(key, "c").Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";
        using var imported = HostKeyFile.Import(text);
        Assert.That(imported.PublicKeyBlob, Is.EqualTo(key.PublicKeyBlob));
    }

    [TestCase("")]
    [TestCase("hello")]
    [TestCase("-----BEGIN OPENSSH PRIVATE KEY-----\n")]
    [TestCase("-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----\n")]
    [TestCase("-----BEGIN OPENSSH PRIVATE KEY-----\n!!!notbase64!!!\n-----END OPENSSH PRIVATE KEY-----\n")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n")]
    [TestCase("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n")]
    public void Garbage_is_a_format_error(string text) =>
        Assert.That(() => HostKeyFile.Import(text), Throws.InstanceOf<FormatException>());

    [TestCaseSource(nameof(Kinds))]
    public void Every_truncation_is_a_format_error(string kind)
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get(kind), "c"));
        var whole = parts.Encode();
        for (var length = 0; length < whole.Length; length += kind == "rsa" ? 7 : 1)
        {
            Assert.That(() => HostKeyFile.Import(KeyFileParts.Armor(whole[..length])), Throws.InstanceOf<FormatException>(), $"{length} bytes");
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void A_flipped_bit_in_the_private_section_is_caught(string kind)
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get(kind), "comment"));
        var secret = parts.Secret;

        // Bits of the checkints, the key type, the key material and the padding; not the comment, which is free text.
        var reader = new SshDataReader(secret);
        reader.ReadUInt64();
        var fields = kind switch { "ed25519" => 2, "rsa" => 6, _ => 3 };
        for (var i = 0; i <= fields; i++)
        {
            reader.ReadBinary();
        }

        var commentStart = secret.Length - reader.Remaining;
        for (var bit = 0; bit < secret.Length * 8; bit += kind == "rsa" ? 97 : 3)
        {
            var index = bit / 8;
            if (index >= commentStart && index < commentStart + 4 + 7)
            {
                continue;
            }

            var flipped = (byte[])secret.Clone();
            flipped[index] ^= (byte)(1 << (bit % 8));
            var text = (parts with { Secret = flipped }).ToText();
            Assert.That(() => HostKeyFile.Import(text).Dispose(), Throws.InstanceOf<FormatException>(), $"bit {bit} (byte {index})");
        }
    }

    [Test]
    public void Encrypted_keys_are_refused_with_a_clear_message()
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c"));
        var text = (parts with { Cipher = "aes256-ctr", Kdf = "bcrypt" }).ToText();
        Assert.That(() => HostKeyFile.Import(text), Throws.InstanceOf<FormatException>().With.Message.Contains("encrypted"));
    }

    [Test]
    public void A_mismatched_public_key_is_refused()
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c"));
        using var other = Ed25519HostKey.Generate();
        var text = (parts with { PublicKey = other.PublicKeyBlob }).ToText();
        Assert.That(() => HostKeyFile.Import(text), Throws.InstanceOf<FormatException>().With.Message.Contains("does not match"));
    }

    [Test]
    public void Two_keys_in_one_file_are_refused()
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c"));
        Assert.That(() => HostKeyFile.Import((parts with { Count = 2 }).ToText()), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Unsupported_key_types_are_refused()
    {
        var parts = KeyFileParts.Parse(HostKeyFile.Export(TestKeys.Get("ed25519"), "c"));
        var secret = new SshDataWriter().WriteUInt32(7).WriteUInt32(7).WriteString("ssh-dss").WriteBinary(new byte[32]);
        while (secret.Length % 8 != 0)
        {
            secret.WriteByte(0);
        }

        var text = (parts with { Secret = secret.ToArray() }).ToText();
        Assert.That(() => HostKeyFile.Import(text), Throws.InstanceOf<FormatException>().With.Message.Contains("ssh-dss"));
    }

    /// <summary>The fields of an openssh-key-v1 file (OpenSSH PROTOCOL.key), to build damaged files from.</summary>
    private sealed record KeyFileParts(string Cipher, string Kdf, byte[] KdfOptions, uint Count, byte[] PublicKey, byte[] Secret)
    {
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("openssh-key-v1\0");

        public static KeyFileParts Parse(string text)
        {
            var body = string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
            var bytes = Convert.FromBase64String(body);
            Assert.That(bytes[..Magic.Length], Is.EqualTo(Magic));
            var reader = new SshDataReader(bytes.AsSpan(Magic.Length));
            var parts = new KeyFileParts(reader.ReadString(), reader.ReadString(), reader.ReadBinaryArray(), reader.ReadUInt32(), reader.ReadBinaryArray(), reader.ReadBinaryArray());
            Assert.That(reader.AtEnd, Is.True);
            return parts;
        }

        public static string Armor(byte[] bytes) =>
            "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Convert.ToBase64String(bytes) + "\n-----END OPENSSH PRIVATE KEY-----\n";

        public byte[] Encode() => new SshDataWriter()
            .WriteRaw(Magic)
            .WriteString(Cipher)
            .WriteString(Kdf)
            .WriteBinary(KdfOptions)
            .WriteUInt32(Count)
            .WriteBinary(PublicKey)
            .WriteBinary(Secret)
            .ToArray();

        public string ToText() => Armor(Encode());
    }
}
