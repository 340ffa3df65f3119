using System.Security.Cryptography;
using System.Text;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

/// <summary>
/// Our key files and signatures against OpenSSH's ssh-keygen: it reads our files, we read its files,
/// and each side checks the other's signatures through SSHSIG (OpenSSH PROTOCOL.sshsig), whose inner
/// signature is the same SSH signature blob a key exchange or publickey authentication carries.
/// </summary>
public sealed class SshKeygenInteropTests
{
    private const string Namespace = "virtualfirewall-test";

    private static IEnumerable<string> Kinds => TestKeys.Kinds;

    private static readonly object[] OpenSshKeys =
    [
        new object[] { "ed25519", 256, "ssh-ed25519" },
        new object[] { "ecdsa", 256, "ecdsa-sha2-nistp256" },
        new object[] { "ecdsa", 384, "ecdsa-sha2-nistp384" },
        new object[] { "ecdsa", 521, "ecdsa-sha2-nistp521" },
        new object[] { "rsa", 3072, "ssh-rsa" },
        new object[] { "rsa", 2048, "ssh-rsa" },
    ];

    [TestCaseSource(nameof(Kinds))]
    public void Ssh_keygen_prints_our_fingerprint_and_public_line(string kind)
    {
        using var keygen = SshKeygen.Require();
        var key = TestKeys.Get(kind);
        var path = keygen.WritePrivate("key", HostKeyFile.Export(key, "host@virtualfirewall"));

        var fingerprint = keygen.Run("-l", "-E", "sha256", "-f", path).Split(' ');
        var publicLine = keygen.Run("-y", "-f", path).TrimEnd('\n');
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint[1], Is.EqualTo(key.Fingerprint));
            Assert.That(fingerprint[2], Is.EqualTo("host@virtualfirewall"));
            Assert.That(publicLine, Is.EqualTo(HostKeyFile.ExportPublic(key, "host@virtualfirewall")));
        });
    }

    [TestCaseSource(nameof(OpenSshKeys))]
    public void Keys_made_by_ssh_keygen_import_and_sign(string type, int bits, string keyType)
    {
        using var keygen = SshKeygen.Require();
        var path = keygen.Generate("id", type, bits, "made by ssh-keygen");
        var publicFields = File.ReadAllText(path + ".pub").Trim().Split(' ');
        var publicBlob = Convert.FromBase64String(publicFields[1]);
        var fingerprint = keygen.Run("-l", "-E", "sha256", "-f", path).Split(' ')[1];

        using var key = HostKeyFile.Import(File.ReadAllText(path));
        Assert.Multiple(() =>
        {
            Assert.That(publicFields[0], Is.EqualTo(keyType));
            Assert.That(key.KeyType, Is.EqualTo(keyType));
            Assert.That(key.PublicKeyBlob, Is.EqualTo(publicBlob));
            Assert.That(key.Fingerprint, Is.EqualTo(fingerprint));
        });

        var data = RandomNumberGenerator.GetBytes(200);
        foreach (var algorithm in key.SignatureAlgorithms)
        {
            Assert.That(SignatureVerifier.Verify(algorithm, publicBlob, data, key.Sign(algorithm, data)), Is.True, algorithm);
        }
    }

    [TestCaseSource(nameof(OpenSshKeys))]
    public void Re_exporting_a_key_made_by_ssh_keygen_reproduces_its_file(string type, int bits, string keyType)
    {
        using var keygen = SshKeygen.Require();
        var path = keygen.Generate("id", type, bits, "same comment");
        var theirs = File.ReadAllText(path);
        using var key = HostKeyFile.Import(theirs);
        var ours = HostKeyFile.Export(key, "same comment");

        // Identical but for the random check integers (the first 8 bytes of the private section).
        var theirBytes = Body(theirs);
        var ourBytes = Body(ours);
        var checkints = theirBytes.Length - PrivateSectionLength(theirBytes);
        theirBytes.AsSpan(checkints, 8).CopyTo(ourBytes.AsSpan(checkints, 8));
        Assert.That(ourBytes, Is.EqualTo(theirBytes), keyType);
    }

    [TestCaseSource(nameof(OpenSshKeys))]
    public void Signatures_made_by_ssh_keygen_verify(string type, int bits, string keyType)
    {
        using var keygen = SshKeygen.Require();
        var path = keygen.Generate("id", type, bits, "signer");
        var publicBlob = Convert.FromBase64String(File.ReadAllText(path + ".pub").Split(' ')[1]);
        var message = RandomNumberGenerator.GetBytes(1000);
        File.WriteAllBytes(keygen.PathOf("message"), message);
        keygen.Run("-Y", "sign", "-f", path, "-n", Namespace, keygen.PathOf("message"));

        var (signedKey, hashAlgorithm, signature) = Sshsig.Parse(File.ReadAllText(keygen.PathOf("message.sig")));
        var algorithm = new SshDataReader(signature).ReadString();
        var signedData = Sshsig.SignedData(hashAlgorithm, message);
        Assert.Multiple(() =>
        {
            Assert.That(signedKey, Is.EqualTo(publicBlob));
            Assert.That(SignatureVerifier.IsSupportedAlgorithm(algorithm), Is.True, algorithm);
            Assert.That(SignatureVerifier.Verify(algorithm, publicBlob, signedData, signature), Is.True, algorithm);
            Assert.That(SignatureVerifier.Verify(algorithm, publicBlob, Sshsig.SignedData(hashAlgorithm, [.. message, 0]), signature), Is.False);
        });
    }

    [TestCaseSource(nameof(Kinds))]
    public void Ssh_keygen_accepts_our_signatures(string kind)
    {
        using var keygen = SshKeygen.Require();
        var key = TestKeys.Get(kind);
        var message = RandomNumberGenerator.GetBytes(1000);
        var messageText = Convert.ToBase64String(message);
        foreach (var algorithm in key.SignatureAlgorithms)
        {
            var signature = key.Sign(algorithm, Sshsig.SignedData("sha512", Encoding.ASCII.GetBytes(messageText)));
            var sigPath = keygen.PathOf("message.sig");
            File.WriteAllText(sigPath, Sshsig.Armor(key.PublicKeyBlob, "sha512", signature));

            var good = keygen.TryRun(messageText, "-Y", "check-novalidate", "-n", Namespace, "-s", sigPath);
            var bad = keygen.TryRun(messageText + "x", "-Y", "check-novalidate", "-n", Namespace, "-s", sigPath);
            Assert.Multiple(() =>
            {
                Assert.That(good.ExitCode, Is.Zero, $"{algorithm}: {good.Output} {good.Error}");
                Assert.That(good.Output + good.Error, Does.Contain(key.Fingerprint));
                Assert.That(bad.ExitCode, Is.Not.Zero, algorithm);
            });
        }
    }

    [Test]
    public void Corrupt_files_from_ssh_keygen_are_format_errors()
    {
        using var keygen = SshKeygen.Require();
        var text = File.ReadAllText(keygen.Generate("id", "ed25519", 256, "c"));
        var lines = text.Split('\n');
        lines[3] = lines[3][..10] + (lines[3][10] == 'A' ? 'B' : 'A') + lines[3][11..];
        Assert.Multiple(() =>
        {
            Assert.That(() => HostKeyFile.Import(string.Join('\n', lines)), Throws.InstanceOf<FormatException>());
            Assert.That(() => HostKeyFile.Import(text[..(text.Length / 2)]), Throws.InstanceOf<FormatException>());
        });
    }

    [Test]
    public void Passphrase_protected_files_are_format_errors()
    {
        using var keygen = SshKeygen.Require();
        var path = keygen.PathOf("id");
        keygen.Run("-q", "-t", "ed25519", "-N", "secret", "-f", path);
        Assert.That(() => HostKeyFile.Import(File.ReadAllText(path)), Throws.InstanceOf<FormatException>().With.Message.Contains("encrypted"));
    }

    private static byte[] Body(string text) =>
        Convert.FromBase64String(string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));

    private static int PrivateSectionLength(byte[] body)
    {
        var reader = new SshDataReader(body.AsSpan("openssh-key-v1\0".Length));
        reader.ReadBinary();
        reader.ReadBinary();
        reader.ReadBinary();
        reader.ReadUInt32();
        reader.ReadBinary();
        return reader.ReadBinary().Length;
    }

    /// <summary>The SSHSIG format of OpenSSH PROTOCOL.sshsig.</summary>
    private static class Sshsig
    {
        private static readonly byte[] Preamble = Encoding.ASCII.GetBytes("SSHSIG");

        /// <summary>What the key signs: preamble, namespace, reserved, hash algorithm, H(message).</summary>
        public static byte[] SignedData(string hashAlgorithm, byte[] message)
        {
            var hash = hashAlgorithm == "sha512" ? SHA512.HashData(message) : SHA256.HashData(message);
            return new SshDataWriter()
                .WriteRaw(Preamble)
                .WriteString(Namespace)
                .WriteBinary([])
                .WriteString(hashAlgorithm)
                .WriteBinary(hash)
                .ToArray();
        }

        public static string Armor(byte[] publicKey, string hashAlgorithm, byte[] signature)
        {
            var blob = new SshDataWriter()
                .WriteRaw(Preamble)
                .WriteUInt32(1)
                .WriteBinary(publicKey)
                .WriteString(Namespace)
                .WriteBinary([])
                .WriteString(hashAlgorithm)
                .WriteBinary(signature)
                .ToArray();
            return "-----BEGIN SSH SIGNATURE-----\n" + Convert.ToBase64String(blob, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n-----END SSH SIGNATURE-----\n";
        }

        public static (byte[] PublicKey, string HashAlgorithm, byte[] Signature) Parse(string armored)
        {
            var blob = Body(armored);
            Assert.That(blob[..6], Is.EqualTo(Preamble));
            var reader = new SshDataReader(blob.AsSpan(6));
            Assert.That(reader.ReadUInt32(), Is.EqualTo(1u));
            var publicKey = reader.ReadBinaryArray();
            Assert.That(reader.ReadString(), Is.EqualTo(Namespace));
            reader.ReadBinary();
            var hashAlgorithm = reader.ReadString();
            var signature = reader.ReadBinaryArray();
            return (publicKey, hashAlgorithm, signature);
        }
    }
}
