using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Tests.Ssh.Messages;

/// <summary>Hostile and broken payloads: every failure is an <see cref="SshProtocolException"/>.</summary>
[TestFixture]
public sealed class MalformedMessageTests
{
    private static IEnumerable<Sample> All => MessageSamples.All();

    private static IEnumerable<Sample> Messages => MessageSamples.Messages();

    [TestCaseSource(nameof(All))]
    public void Truncation_at_every_byte_throws_a_protocol_error(Sample sample)
    {
        var bytes = sample.Bytes;
        var fixedEnd = bytes.Length - (sample.RestLength ?? 0);

        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var truncated = bytes[..cut];
            if (cut < fixedEnd)
            {
                Assert.That(() => sample.Read(truncated), Throws.TypeOf<SshProtocolException>(), $"cut at {cut} of {bytes.Length}");
            }
            else
            {
                // Cutting into a trailing rest-of-payload field leaves a shorter but valid message.
                Assert.That(sample.Write(sample.Read(truncated)), Is.EqualTo(truncated), $"cut at {cut} of {bytes.Length}");
            }
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void Any_other_message_number_throws_a_protocol_error(Sample sample)
    {
        var bytes = sample.Bytes;
        var number = bytes[0];

        for (var other = 0; other < 256; other++)
        {
            if (other == number)
            {
                continue;
            }

            byte[] wrong = [(byte)other, .. bytes[1..]];
            Assert.That(() => sample.Read(wrong), Throws.TypeOf<SshProtocolException>(), $"number {other}");
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void Empty_payload_throws_a_protocol_error(Sample sample) =>
        Assert.That(() => sample.Read([]), Throws.TypeOf<SshProtocolException>());

    [Test]
    public void Negative_mpint_is_a_key_exchange_failure()
    {
        Assert.That(
            () => KexDhInitMessage.Read([30, 0, 0, 0, 1, 0x80]),
            Throws.TypeOf<SshProtocolException>().With.Property(nameof(SshProtocolException.Reason)).EqualTo(SshDisconnectReason.KeyExchangeFailed));
        Assert.That(
            () => KexDhReplyMessage.Read([31, 0, 0, 0, 0, 0, 0, 0, 2, 0xFF, 0x01, 0, 0, 0, 0]),
            Throws.TypeOf<SshProtocolException>());
    }

    [Test]
    public void Invalid_utf8_in_a_text_field_throws_a_protocol_error()
    {
        byte[] payload = [50, 0, 0, 0, 2, 0xC3, 0x28, 0, 0, 0, 0, 0, 0, 0, 4, .. "none"u8];

        Assert.That(() => UserauthRequestMessage.Read(payload), Throws.TypeOf<SshProtocolException>());
        Assert.That(() => EnvRequest.Read([0, 0, 0, 1, 0x41, 0, 0, 0, 1, 0xFF]), Throws.TypeOf<SshProtocolException>());
    }

    [TestCase("a,,b")]
    [TestCase(",a")]
    [TestCase("a,")]
    [TestCase("a b")]
    [TestCase("a\u007Fb")]
    public void Bad_name_list_throws_a_protocol_error(string names)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(names);
        byte[] payload = [51, 0, 0, 0, (byte)bytes.Length, .. bytes, 0];

        Assert.That(() => UserauthFailureMessage.Read(payload), Throws.TypeOf<SshProtocolException>());
    }

    [Test]
    public void Password_change_without_the_new_password_is_truncated()
    {
        byte[] data = [1, 0, 0, 0, 3, .. "old"u8];

        Assert.That(() => PasswordRequest.Read(data), Throws.TypeOf<SshProtocolException>());
    }

    [Test]
    public void Publickey_request_announcing_a_missing_signature_is_truncated()
    {
        byte[] data = [1, 0, 0, 0, 1, .. "x"u8, 0, 0, 0, 0];

        Assert.That(() => PublicKeyRequest.Read(data), Throws.TypeOf<SshProtocolException>());
    }

    [Test]
    public void String_longer_than_the_payload_throws_a_protocol_error()
    {
        byte[] payload = [94, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3];

        Assert.That(() => ChannelDataMessage.Read(payload), Throws.TypeOf<SshProtocolException>());
    }

    [Test]
    public void Kexinit_with_a_short_cookie_cannot_be_written()
    {
        var message = MessageSamples.OpenSshKexInit() with { Cookie = new byte[15] };

        Assert.That(message.ToPayload, Throws.TypeOf<InvalidOperationException>());
    }

    [TestCase(0xFFFF_FFFFu)]
    [TestCase(0x8000_0000u)]
    [TestCase(1_000_000u)]
    [TestCase(3u)]
    public void Huge_counts_throw_without_allocating_for_them(uint count)
    {
        byte[] countBytes = [(byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count];
        byte[] infoResponse = [61, .. countBytes, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] extInfo = [7, .. countBytes, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] infoRequest = [60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. countBytes, 0, 0, 0, 0, 0];

        AssertBoundedFailure(() => UserauthInfoResponseMessage.Read(infoResponse), infoResponse.Length);
        AssertBoundedFailure(() => ExtInfoMessage.Read(extInfo), extInfo.Length);
        AssertBoundedFailure(() => UserauthInfoRequestMessage.Read(infoRequest), infoRequest.Length);
    }

    [Test]
    public void Counts_that_fit_exactly_are_read()
    {
        byte[] payload = [61, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.That(UserauthInfoResponseMessage.Read(payload).Responses, Is.EqualTo(new[] { string.Empty, string.Empty, string.Empty }));
        Assert.That(ExtInfoMessage.Read([7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]).Extensions, Has.Count.EqualTo(1));
    }

    [Test]
    public void Random_payloads_throw_nothing_but_protocol_errors()
    {
        var random = new Random(20240611);
        var samples = MessageSamples.All().ToList();
        var failures = new List<string>();
        var accepted = 0;
        var attempts = 0;

        foreach (var sample in samples)
        {
            var original = sample.Bytes;
            for (var i = 0; i < 4000; i++)
            {
                var payload = (i % 4) switch
                {
                    0 => RandomPayload(random, sample.IsMessage ? original[0] : null),
                    1 => Mutate(random, original),
                    2 => WithHugeLength(random, original),
                    _ => RandomPayload(random, null),
                };

                attempts++;
                if (TryRead(sample, payload, failures))
                {
                    accepted++;
                }
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)));
        Assert.That(accepted, Is.GreaterThan(attempts / 100), "the fuzzer also reaches successful parses");
    }

    private static bool TryRead(Sample sample, byte[] payload, List<string> failures)
    {
        try
        {
            var value = sample.Read(payload);

            // Whatever was accepted writes back to bytes that read to the same fields.
            var again = sample.Read(sample.Write(value));
            if (StructuralDump.Of(again) != StructuralDump.Of(value))
            {
                failures.Add($"{sample.Name}: unstable round trip of {Convert.ToHexString(payload)}");
            }

            return true;
        }
        catch (SshProtocolException)
        {
            return false;
        }
#pragma warning disable CA1031 // Any other exception is the failure being looked for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add($"{sample.Name}: {e.GetType().Name} on {Convert.ToHexString(payload)}");
            return false;
        }
    }

    private static byte[] RandomPayload(Random random, byte? number)
    {
        var payload = new byte[random.Next(0, 64)];
        random.NextBytes(payload);

        // Small length prefixes are what let random data get past the first string.
        for (var i = 1; i + 4 <= payload.Length; i += 4)
        {
            if (random.Next(3) == 0)
            {
                payload[i] = payload[i + 1] = payload[i + 2] = 0;
                payload[i + 3] = (byte)random.Next(0, 12);
            }
        }

        if (number is { } n && payload.Length > 0)
        {
            payload[0] = n;
        }

        return payload;
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var payload = original.ToArray();
        var changes = random.Next(1, 4);
        for (var c = 0; c < changes && payload.Length > 1; c++)
        {
            payload[random.Next(1, payload.Length)] = (byte)random.Next(256);
        }

        return random.Next(3) switch
        {
            0 => payload[..random.Next(0, payload.Length + 1)],
            1 => [.. payload, .. RandomPayload(random, null)],
            _ => payload,
        };
    }

    private static byte[] WithHugeLength(Random random, byte[] original)
    {
        var payload = original.ToArray();
        if (payload.Length < 5)
        {
            return payload;
        }

        var at = random.Next(1, payload.Length - 3);
        uint value = random.Next(4) switch
        {
            0 => 0xFFFF_FFFF,
            1 => 0x8000_0000,
            2 => 0x7FFF_FFFF,
            _ => (uint)random.Next(0, 1 << 20),
        };
        payload[at] = (byte)(value >> 24);
        payload[at + 1] = (byte)(value >> 16);
        payload[at + 2] = (byte)(value >> 8);
        payload[at + 3] = (byte)value;
        return payload;
    }

    private static void AssertBoundedFailure(Action read, int payloadLength)
    {
        // Warm up, so JIT and first-call allocations are not counted.
        Attempt(read);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var thrown = Attempt(read);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(thrown, Is.TypeOf<SshProtocolException>());
        Assert.That(allocated, Is.LessThan(16_384 + (payloadLength * 16)), "bytes allocated while failing");
    }

    private static Exception? Attempt(Action read)
    {
        try
        {
            read();
            return null;
        }
#pragma warning disable CA1031 // The caller checks the type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
