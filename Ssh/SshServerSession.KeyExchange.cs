using System.Security.Cryptography;
using System.Text;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Ssh;

/// <summary>Key exchange: first and every later one, started by either side (RFC 4253 §7–§9).</summary>
public sealed partial class SshServerSession
{
    private byte[]? _serverKexInitPayload;
    private KexInitMessage? _serverKexInit;
    private byte[]? _clientKexInitPayload;
    private NegotiatedAlgorithms? _negotiated;
    private KeyExchangeAlgorithm? _kex;
    private PacketOpener? _pendingOpener;
    private byte[]? _sessionId;
    private bool _firstKexDone;
    private bool _strictKex;
    private bool _clientWantsExtInfo;
    private bool _ignoreGuessedPacket;
    private bool _awaitingClientNewKeys;
    private volatile bool _outgoingKexInProgress;
    private bool _receivedAnyPacket;

    /// <summary>The algorithms of the last key exchange, for the log.</summary>
    public string? Algorithms { get; private set; }

    private readonly SemaphoreSlim _kexInitGate = new(1, 1);

    /// <summary>Sends our KEXINIT unless one is already out for this exchange; either task may call it.</summary>
    private async Task SendKexInitAsync(CancellationToken cancellation)
    {
        await _kexInitGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_serverKexInitPayload is null)
            {
                await SendKexInitLockedAsync(cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _kexInitGate.Release();
        }
    }

    /// <summary>A rekey of our own once enough bytes went out under the current keys (pitfall 9: either side may start one).</summary>
    private async Task RekeyIfDueAsync(CancellationToken cancellation)
    {
        if (_firstKexDone && !_awaitingClientNewKeys && _clientKexInitPayload is null
            && _writer.BytesSinceKeyExchange >= _options.Limits.RekeyAfterBytes)
        {
            Log(SshLogLevel.Info, "rekeying after " + _writer.BytesSinceKeyExchange + " bytes");
            await SendKexInitAsync(cancellation).ConfigureAwait(false);
        }
    }

    private async Task SendKexInitLockedAsync(CancellationToken cancellation)
    {
        var hostKeyAlgorithms = _options.HostKeys.SelectMany(k => k.SignatureAlgorithms).Distinct(StringComparer.Ordinal).ToList();
        var kex = _options.KeyExchangeAlgorithms.ToList();
        if (!_firstKexDone)
        {
            // The strict-kex marker belongs in the first KEXINIT only (OpenSSH PROTOCOL, Terrapin).
            kex.Add(AlgorithmNegotiation.ServerStrictKex);
        }

        var cookie = RandomNumberGenerator.GetBytes(16);
        _serverKexInit = new KexInitMessage(
            cookie, kex, hostKeyAlgorithms, _options.Ciphers, _options.Ciphers, _options.Macs, _options.Macs,
            ["none"], ["none"], [], [], false, 0);
        _serverKexInitPayload = _serverKexInit.ToPayload();
        await _writeLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // Set under the write lock: the writer loop checks it under the same lock.
            _outgoingKexInProgress = true;
            await _writer.WriteAsync(_serverKexInitPayload, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task OnKexInitAsync(byte[] payload, CancellationToken cancellation)
    {
        if (_clientKexInitPayload is not null)
        {
            throw new SshProtocolException("KEXINIT during a key exchange");
        }

        var client = KexInitMessage.Read(payload);
        _clientKexInitPayload = payload;
        if (!_firstKexDone)
        {
            _strictKex = client.KexAlgorithms.Contains(AlgorithmNegotiation.ClientStrictKex, StringComparer.Ordinal);
            _clientWantsExtInfo = client.KexAlgorithms.Contains(AlgorithmNegotiation.ClientExtInfo, StringComparer.Ordinal);
        }

        await SendKexInitAsync(cancellation).ConfigureAwait(false);
        _negotiated = AlgorithmNegotiation.Negotiate(client, _serverKexInit!);
        _kex?.Dispose();
        _kex = KeyExchangeAlgorithms.Create(_negotiated.KeyExchange);
        _ignoreGuessedPacket = client.FirstKexPacketFollows && !AlgorithmNegotiation.GuessWasRight(client, _negotiated);
        Algorithms = $"kex={_negotiated.KeyExchange} hostkey={_negotiated.HostKey} " +
            $"cipher={_negotiated.CipherClientToServer}/{_negotiated.CipherServerToClient} " +
            $"mac={_negotiated.MacClientToServer ?? "implicit"}/{_negotiated.MacServerToClient ?? "implicit"}";
        Log(SshLogLevel.Debug, "negotiated " + Algorithms + (_strictKex ? " strict-kex" : string.Empty));
    }

    private async Task OnKexExchangeInitAsync(byte[] payload, CancellationToken cancellation)
    {
        if (_kex is null || _negotiated is null || _clientKexInitPayload is null || _serverKexInitPayload is null)
        {
            throw new SshProtocolException("key exchange message outside a key exchange");
        }

        if (_ignoreGuessedPacket)
        {
            _ignoreGuessedPacket = false;
            return;
        }

        byte[] clientPublic = _kex.UsesMpint ? KexDhInitMessage.Read(payload).E : KexEcdhInitMessage.Read(payload).ClientPublic;
        var result = _kex.Respond(clientPublic);
        var hostKey = _options.HostKeys.First(k => k.SignatureAlgorithms.Contains(_negotiated.HostKey, StringComparer.Ordinal));
        var hash = ExchangeHash(hostKey, clientPublic, result);
        _sessionId ??= hash;
        var signature = hostKey.Sign(_negotiated.HostKey, hash);
        var reply = _kex.UsesMpint
            ? new KexDhReplyMessage(hostKey.PublicKeyBlob, result.ServerPublic, signature).ToPayload()
            : new KexEcdhReplyMessage(hostKey.PublicKeyBlob, result.ServerPublic, signature).ToPayload();
        await SendPacketAsync(reply, cancellation).ConfigureAwait(false);

        var hashName = _kex.HashAlgorithm;
        var k = result.SharedSecret;
        byte[] Key(char letter, int length) => KeyDerivation.Derive(hashName, k, hash, letter, _sessionId, length);
        var n = _negotiated;
        _pendingOpener = PacketProtection.CreateOpener(
            n.CipherClientToServer, n.MacClientToServer,
            Key('C', PacketProtection.KeySize(n.CipherClientToServer)),
            Key('A', PacketProtection.IvSize(n.CipherClientToServer)),
            n.MacClientToServer is null ? [] : Key('E', PacketProtection.MacKeySize(n.MacClientToServer)));
        var sealer = PacketProtection.CreateSealer(
            n.CipherServerToClient, n.MacServerToClient,
            Key('D', PacketProtection.KeySize(n.CipherServerToClient)),
            Key('B', PacketProtection.IvSize(n.CipherServerToClient)),
            n.MacServerToClient is null ? [] : Key('F', PacketProtection.MacKeySize(n.MacServerToClient)));
        CryptographicOperations.ZeroMemory(k);

        await _writeLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _writer.WriteAsync(new NewKeysMessage().ToPayload(), cancellation).ConfigureAwait(false);
            _writer.Sealer.Dispose();
            _writer.Sealer = sealer;
            _writer.BytesSinceKeyExchange = 0;
            if (_strictKex)
            {
                _writer.Sequence = 0;
            }

            // RFC 8308 §2.4: EXT_INFO goes right after our first NEWKEYS, before anything else.
            if (!_firstKexDone && _clientWantsExtInfo)
            {
                var algorithms = string.Join(',', SignatureVerifier.SupportedAlgorithms);
                var extInfo = new ExtInfoMessage([new KeyValuePair<string, byte[]>("server-sig-algs", Encoding.ASCII.GetBytes(algorithms))]);
                await _writer.WriteAsync(extInfo.ToPayload(), cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        _serverKexInitPayload = null;
        _serverKexInit = null;
        _outgoingKexInProgress = false;
        _awaitingClientNewKeys = true;
        _outputReady.Set();
    }

    private void OnNewKeys()
    {
        if (!_awaitingClientNewKeys || _pendingOpener is null || _reader is null)
        {
            throw new SshProtocolException("NEWKEYS outside a key exchange");
        }

        _reader.Opener.Dispose();
        _reader.Opener = _pendingOpener;
        _pendingOpener = null;
        if (_strictKex)
        {
            _reader.Sequence = 0;
        }

        _reader.MaxPacket = _options.Limits.MaxPacket;
        _awaitingClientNewKeys = false;
        _clientKexInitPayload = null;
        _kex?.Dispose();
        _kex = null;
        _firstKexDone = true;
    }

    /// <summary>
    /// H = HASH(V_C || V_S || I_C || I_S || K_S || Q_C || Q_S || K), with e and f as mpints for
    /// Diffie-Hellman groups (RFC 4253 §8, RFC 5656 §4). Version lines without CR LF.
    /// </summary>
    private byte[] ExchangeHash(HostKey hostKey, byte[] clientPublic, KeyExchangeResult result)
    {
        var data = new SshDataWriter(2048)
            .WriteString(ClientVersion!)
            .WriteString(ServerVersion)
            .WriteBinary(_clientKexInitPayload)
            .WriteBinary(_serverKexInitPayload)
            .WriteBinary(hostKey.PublicKeyBlob);
        if (_kex!.UsesMpint)
        {
            data.WriteMpintUnsigned(clientPublic).WriteMpintUnsigned(result.ServerPublic);
        }
        else
        {
            data.WriteBinary(clientPublic).WriteBinary(result.ServerPublic);
        }

        data.WriteMpintUnsigned(result.SharedSecret);
        return KeyDerivation.Hash(_kex.HashAlgorithm, data.Written);
    }

    /// <summary>
    /// Strict key exchange: until the first NEWKEYS from the client only KEXINIT, the key exchange
    /// messages, NEWKEYS and DISCONNECT may arrive (Terrapin, CVE-2023-48795). Always: the first packet is KEXINIT.
    /// </summary>
    private void CheckAllowedDuringKex(byte number)
    {
        if (!_receivedAnyPacket && number != MessageNumbers.KexInit)
        {
            throw new SshProtocolException("the first packet must be KEXINIT");
        }

        _receivedAnyPacket = true;
        if (!_firstKexDone && _strictKex && !MessageNumbers.IsKeyExchange(number) && number != MessageNumbers.Disconnect)
        {
            throw new SshProtocolException($"message {number} during strict key exchange");
        }

        if (!_firstKexDone && number >= 50)
        {
            throw new SshProtocolException($"message {number} before the first key exchange finished");
        }
    }
}
