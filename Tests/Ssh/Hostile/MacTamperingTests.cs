using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// A man in the middle flips one bit of an encrypted client packet after login: the server must
/// notice (MAC or AEAD tag) and end that connection with DISCONNECT 5, whatever the cipher.
/// </summary>
[TestFixture]
public sealed class MacTamperingTests
{
    /// <summary>Every cipher the server offers; CTR with each MAC kind (encrypt-then-MAC, and the legacy MAC-then-encrypt).</summary>
    private static readonly string[] Suites =
    [
        "chacha20-poly1305@openssh.com",
        "aes256-gcm@openssh.com",
        "aes128-gcm@openssh.com",
        "aes256-ctr+hmac-sha2-256-etm@openssh.com",
        "aes128-ctr+hmac-sha2-512-etm@openssh.com",
        "aes256-ctr+hmac-sha2-256",
        "aes128-ctr+hmac-sha2-512",
    ];

    [CancelAfter(30_000)]
    [Test]
    public async Task A_flipped_bit_after_login_ends_that_connection_with_a_MAC_error(
        [ValueSource(nameof(Suites))] string suite, [Values] bool inTheBody, CancellationToken cancellation)
    {
        var parts = suite.Split('+');
        var (cipher, mac) = (parts[0], parts.Length > 1 ? parts[1] : null);
        await using var server = SshTestServer.Start(SshTestServer.LegacyOptions);
        await using var proxy = LoopbackProxy.Start(server.Port);
        var info = NormalClient.Connection(proxy.Port);
        Keep(info.Encryptions, cipher);
        if (mac is not null)
        {
            Keep(info.HmacAlgorithms, mac);
        }

        using var victim = new SshClient(info);
        await victim.ConnectAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(10), cancellation);
        Assert.That(await RunAsync(victim, cancellation), Is.EqualTo(NormalClient.Clock), "through the proxy before tampering");
        await NormalClient.AssertWorksAsync(server.Port, "while the tampered connection is open", cancellation);

        proxy.CorruptNextClientChunk(inTheBody);
        var tampered = RunAsync(victim, cancellation);
        var failure = await tampered.ContinueWith(t => t.Exception?.GetBaseException(), TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10), cancellation);

        Assert.That(proxy.Corrupted.IsCompleted, Is.True, "no client bytes were tampered with");
        Assert.That(failure, Is.TypeOf<SshConnectionException>(), $"the command on the tampered connection: {failure}");
        Assert.That(((SshConnectionException)failure!).DisconnectReason, Is.EqualTo(DisconnectReason.MacError), failure!.Message);
        await proxy.ServerClosed.WaitAsync(TimeSpan.FromSeconds(5), cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "after the tampered connection", cancellation);
    }

    private static Task<string> RunAsync(SshClient client, CancellationToken cancellation) =>
        Task.Run(
            () =>
            {
                using var command = client.CreateCommand("show clock");
                command.CommandTimeout = TimeSpan.FromSeconds(5);
                return command.Execute();
            },
            cancellation);

    private static void Keep<T>(IDictionary<string, T> algorithms, string name)
    {
        Assert.That(algorithms.Keys, Does.Contain(name), $"SSH.NET does not offer {name}");
        foreach (var other in algorithms.Keys.Where(k => !string.Equals(k, name, StringComparison.Ordinal)).ToList())
        {
            algorithms.Remove(other);
        }
    }
}
