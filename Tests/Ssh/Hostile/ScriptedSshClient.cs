using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Geralt;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// A minimal SSH client whose every packet the test chooses: curve25519-sha256, aes128-ctr with
/// hmac-sha2-256-etm, password authentication, then raw connection-protocol messages. It skips host key
/// verification and answers nothing on its own (no window adjustments), which is the point: it can
/// misbehave after the key exchange, where a raw TCP client cannot reach.
/// </summary>
internal sealed class ScriptedSshClient : IDisposable
{
    public const byte ServiceAccept = 6;
    public const byte UserauthFailure = 51;
    public const byte UserauthSuccess = 52;
    public const byte UserauthBanner = 53;
    public const byte ChannelOpenConfirmation = 91;
    public const byte ChannelOpenFailure = 92;
    public const byte ChannelWindowAdjust = 93;
    public const byte ChannelData = 94;
    public const byte ChannelRequest = 98;

    private const string Version = "SSH-2.0-Scripted_1.0";
    private const string Kex = "curve25519-sha256";
    private const string Cipher = "aes128-ctr";
    private const string Mac = "hmac-sha2-256-etm@openssh.com";

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SshPacketReader _reader;
    private readonly SshPacketWriter _writer;

    private ScriptedSshClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new SshPacketReader(_stream, []) { MaxPacket = 1024 * 1024 };
        _writer = new SshPacketWriter(_stream);
    }

    /// <summary>Connects and completes the key exchange; the connection is encrypted from then on.</summary>
    public static async Task<ScriptedSshClient> ConnectAsync(int port, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var tcp = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var client = new ScriptedSshClient(tcp);
            await client.KeyExchangeAsync(timeout.Token);
            return client;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task SendAsync(byte[] payload, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await _writer.WriteAsync(payload, timeout.Token);
    }

    /// <summary>The next packet's payload, or null at end of stream.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        return await _reader.ReadAsync(timeout.Token);
    }

    /// <summary>Reads until a message with <paramref name="number"/> arrives and returns it, failing on a DISCONNECT or end of stream.</summary>
    public async Task<byte[]> ExpectAsync(byte number, CancellationToken cancellation)
    {
        while (true)
        {
            var payload = await ReceiveAsync(cancellation);
            Assert.That(payload, Is.Not.Null, $"the server closed the connection while message {number} was expected");
            Assert.That(Wire.DisconnectReason(payload!), Is.Null, $"the server disconnected while message {number} was expected");
            if (payload![0] == number)
            {
                return payload;
            }
        }
    }

    /// <summary>Asks for the ssh-userauth service.</summary>
    public async Task RequestUserAuthAsync(CancellationToken cancellation)
    {
        await SendAsync(new SshDataWriter().WriteByte(Wire.ServiceRequest).WriteString("ssh-userauth").ToArray(), cancellation);
        await ExpectAsync(ServiceAccept, cancellation);
    }

    /// <summary>One password attempt (after <see cref="RequestUserAuthAsync"/>): the server's answer, skipping banners; null at end of stream.</summary>
    public async Task<byte[]?> TryPasswordAsync(string user, string password, CancellationToken cancellation)
    {
        var request = new SshDataWriter().WriteByte(Wire.UserauthRequest).WriteString(user).WriteString("ssh-connection")
            .WriteString("password").WriteBoolean(false).WriteString(password).ToArray();
        await SendAsync(request, cancellation);
        while (true)
        {
            var answer = await ReceiveAsync(cancellation);
            if (answer is null || answer[0] != UserauthBanner)
            {
                return answer;
            }
        }
    }

    public async Task LogInAsync(CancellationToken cancellation)
    {
        await RequestUserAuthAsync(cancellation);
        var answer = await TryPasswordAsync("admin", "admin", cancellation);
        Assert.That(answer?[0], Is.EqualTo(UserauthSuccess), "login as admin");
    }

    /// <summary>Opens a session channel (our id <paramref name="localId"/>) and returns the server's channel id.</summary>
    public async Task<uint> OpenSessionAsync(uint localId, uint window, uint maxPacket, CancellationToken cancellation)
    {
        await SendAsync(OpenSessionPayload(localId, window, maxPacket), cancellation);
        var confirmation = await ExpectAsync(ChannelOpenConfirmation, cancellation);
        var reader = new SshDataReader(confirmation.AsSpan(1));
        Assert.That(reader.ReadUInt32(), Is.EqualTo(localId), "the confirmation's recipient channel");
        return reader.ReadUInt32();
    }

    /// <summary>Asks for a pty and a shell on a channel, without waiting for replies.</summary>
    public async Task StartShellAsync(uint serverChannel, CancellationToken cancellation)
    {
        var pty = new SshDataWriter().WriteByte(ChannelRequest).WriteUInt32(serverChannel).WriteString("pty-req").WriteBoolean(false)
            .WriteString("xterm").WriteUInt32(80).WriteUInt32(24).WriteUInt32(0).WriteUInt32(0).WriteString(string.Empty).ToArray();
        var shell = new SshDataWriter().WriteByte(ChannelRequest).WriteUInt32(serverChannel).WriteString("shell").WriteBoolean(false).ToArray();
        await SendAsync(pty, cancellation);
        await SendAsync(shell, cancellation);
    }

    public Task SendDataAsync(uint serverChannel, ReadOnlySpan<byte> data, CancellationToken cancellation) =>
        SendAsync(new SshDataWriter().WriteByte(ChannelData).WriteUInt32(serverChannel).WriteBinary(data).ToArray(), cancellation);

    public static byte[] OpenSessionPayload(uint localId, uint window, uint maxPacket) =>
        new SshDataWriter().WriteByte(Wire.ChannelOpen).WriteString("session").WriteUInt32(localId).WriteUInt32(window).WriteUInt32(maxPacket).ToArray();

    /// <summary>The text of a CHANNEL_DATA payload.</summary>
    public static string DataText(byte[] payload)
    {
        var reader = new SshDataReader(payload.AsSpan(1));
        reader.ReadUInt32();
        return Encoding.UTF8.GetString(reader.ReadBinary());
    }

    /// <summary>Reads (decrypted) packets until the server closes the connection or <paramref name="timeout"/> passes.</summary>
    public async Task<Outcome> ReadUntilClosedAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var packets = new List<byte[]>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var payload = await _reader.ReadAsync(deadline.Token);
                if (payload is null)
                {
                    return new Outcome(packets, Ending.EndOfStream, watch.Elapsed);
                }

                packets.Add(payload);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Outcome(packets, Ending.StillOpen, watch.Elapsed);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            return new Outcome(packets, Ending.Reset, watch.Elapsed);
        }
    }

    public void Dispose()
    {
        _tcp.Dispose();
        _reader.Opener.Dispose();
        _writer.Sealer.Dispose();
    }

    private async Task KeyExchangeAsync(CancellationToken cancellation)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(Version + "\r\n"), cancellation);
        var serverVersion = await ReadVersionLineAsync(cancellation);
        Assert.That(serverVersion, Is.EqualTo(RawSshConnection.ServerVersion));

        var serverKexInit = await ExpectAsync(Wire.KexInit, cancellation);
        var clientKexInit = Wire.KexInitPayload(Kex, "ssh-ed25519", Cipher, Mac);
        await SendAsync(clientKexInit, cancellation);

        var clientPublic = new byte[X25519.PublicKeySize];
        var clientPrivate = new byte[X25519.PrivateKeySize];
        X25519.GenerateKeyPair(clientPublic, clientPrivate);
        await SendAsync(new SshDataWriter().WriteByte(Wire.KexEcdhInit).WriteBinary(clientPublic).ToArray(), cancellation);

        var reply = await ExpectAsync(31, cancellation);
        var (hostKey, serverPublic) = ReadReply(reply);
        Assert.That(serverPublic, Has.Length.EqualTo(X25519.PublicKeySize), "the server's X25519 key");
        var secret = new byte[X25519.SharedSecretSize];
        X25519.ComputeSharedSecret(secret, clientPrivate, serverPublic);
        var hash = SHA256.HashData(new SshDataWriter()
            .WriteString(Version).WriteString(serverVersion!)
            .WriteBinary(clientKexInit).WriteBinary(serverKexInit)
            .WriteBinary(hostKey).WriteBinary(clientPublic).WriteBinary(serverPublic)
            .WriteMpintUnsigned(secret).Written);
        byte[] Key(char letter, int length) => KeyDerivation.Derive(HashAlgorithmName.SHA256, secret, hash, letter, hash, length);

        await ExpectAsync(Wire.NewKeys, cancellation);
        await SendAsync([Wire.NewKeys], cancellation);
        _writer.Sealer = PacketProtection.CreateSealer(
            Cipher, Mac, Key('C', PacketProtection.KeySize(Cipher)), Key('A', PacketProtection.IvSize(Cipher)), Key('E', PacketProtection.MacKeySize(Mac)));
        _reader.Opener = PacketProtection.CreateOpener(
            Cipher, Mac, Key('D', PacketProtection.KeySize(Cipher)), Key('B', PacketProtection.IvSize(Cipher)), Key('F', PacketProtection.MacKeySize(Mac)));
    }

    private static (byte[] HostKey, byte[] ServerPublic) ReadReply(byte[] reply)
    {
        var reader = new SshDataReader(reply.AsSpan(1));
        var hostKey = reader.ReadBinaryArray();
        var serverPublic = reader.ReadBinaryArray();
        return (hostKey, serverPublic);
    }

    private async Task<string?> ReadVersionLineAsync(CancellationToken cancellation)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 255)
        {
            if (await _stream.ReadAsync(one, cancellation) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }

        return null;
    }
}
