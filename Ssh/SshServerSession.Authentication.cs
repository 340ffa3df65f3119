using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Ssh;

/// <summary>User authentication: none, password, publickey and keyboard-interactive (RFC 4252, RFC 4256).</summary>
public sealed partial class SshServerSession
{
    public const string UserAuthService = "ssh-userauth";
    public const string ConnectionService = "ssh-connection";
    public const string AcknowledgePrompt = "Do you accept and acknowledge the statement above ? (yes/no) : ";
    public const string PasswordPrompt = "Password: ";

    private static readonly string[] Methods = ["publickey", "keyboard-interactive", "password"];

    private bool _userAuthAccepted;
    private bool _bannerSent;
    private int _failures;
    private string? _interactiveUser;
    private bool _awaitingAcknowledgement;

    /// <summary>The method that authenticated the user, for the log.</summary>
    public string? AuthMethod { get; private set; }

    private async Task OnServiceRequestAsync(byte[] payload, CancellationToken cancellation)
    {
        var request = ServiceRequestMessage.Read(payload);
        // paramiko asks for ssh-userauth again before each method it tries; OpenSSH accepts that until
        // the user is authenticated, and so do we.
        if (!string.Equals(request.ServiceName, UserAuthService, StringComparison.Ordinal) || User is not null)
        {
            throw new SshProtocolException(SshDisconnectReason.ServiceNotAvailable, $"service {Printable(request.ServiceName)} not available");
        }

        _userAuthAccepted = true;
        await SendPacketAsync(new ServiceAcceptMessage(UserAuthService).ToPayload(), cancellation).ConfigureAwait(false);
    }

    private async Task OnUserAuthRequestAsync(byte[] payload, CancellationToken cancellation)
    {
        if (!_userAuthAccepted)
        {
            throw new SshProtocolException("authentication before the ssh-userauth service was accepted");
        }

        if (User is not null)
        {
            return; // RFC 4252 §5.1: later requests are ignored.
        }

        var request = UserauthRequestMessage.Read(payload);
        if (!string.Equals(request.ServiceName, ConnectionService, StringComparison.Ordinal))
        {
            throw new SshProtocolException(SshDisconnectReason.ServiceNotAvailable, $"service {Printable(request.ServiceName)} not available");
        }

        if (!_bannerSent && _options.Banner is { } banner)
        {
            _bannerSent = true;
            await SendPacketAsync(new UserauthBannerMessage(banner, string.Empty).ToPayload(), cancellation).ConfigureAwait(false);
        }

        _interactiveUser = null;
        switch (request.MethodName)
        {
            case "password":
                var password = PasswordRequest.Read(request.MethodData);
                await CompleteAsync(request.UserName, "password", _host.AuthenticatePassword(request.UserName, password.Password), cancellation).ConfigureAwait(false);
                return;
            case "publickey":
                await OnPublicKeyAsync(request, cancellation).ConfigureAwait(false);
                return;
            case "keyboard-interactive":
                _interactiveUser = request.UserName;
                _awaitingAcknowledgement = _options.RequireBannerAcknowledgement;
                await SendPromptAsync(cancellation).ConfigureAwait(false);
                return;
            default:
                await SendFailureAsync(cancellation).ConfigureAwait(false);
                return;
        }
    }

    private async Task OnPublicKeyAsync(UserauthRequestMessage request, CancellationToken cancellation)
    {
        var key = PublicKeyRequest.Read(request.MethodData);
        var usable = SignatureVerifier.IsSupportedAlgorithm(key.Algorithm)
            && _host.IsAuthorizedKey(request.UserName, key.PublicKeyBlob);
        if (!key.HasSignature)
        {
            // A query: "would this key do?" It is not a failed attempt.
            var answer = usable
                ? new UserauthPkOkMessage(key.Algorithm, key.PublicKeyBlob).ToPayload()
                : new UserauthFailureMessage(Methods, false).ToPayload();
            await SendPacketAsync(answer, cancellation).ConfigureAwait(false);
            return;
        }

        // RFC 4252 §7: the signature covers the session id and the request up to the signature.
        var signed = new SshDataWriter()
            .WriteBinary(_sessionId)
            .WriteByte(UserauthRequestMessage.Number)
            .WriteString(request.UserName)
            .WriteString(request.ServiceName)
            .WriteString("publickey")
            .WriteBoolean(true)
            .WriteString(key.Algorithm)
            .WriteBinary(key.PublicKeyBlob);
        var valid = usable && SignatureVerifier.Verify(key.Algorithm, key.PublicKeyBlob, signed.Written, key.Signature!);
        await CompleteAsync(request.UserName, "publickey", valid, cancellation).ConfigureAwait(false);
    }

    private async Task OnInfoResponseAsync(byte[] payload, CancellationToken cancellation)
    {
        if (_interactiveUser is null || User is not null)
        {
            throw new SshProtocolException("INFO_RESPONSE without a request");
        }

        var response = UserauthInfoResponseMessage.Read(payload);
        if (_awaitingAcknowledgement)
        {
            _awaitingAcknowledgement = false;
            if (response.Responses.Count == 1 && string.Equals(response.Responses[0].Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            {
                await SendPromptAsync(cancellation).ConfigureAwait(false);
                return;
            }

            var user = _interactiveUser;
            _interactiveUser = null;
            await CompleteAsync(user, "keyboard-interactive", false, cancellation).ConfigureAwait(false);
            return;
        }

        var name = _interactiveUser;
        _interactiveUser = null;
        var ok = response.Responses.Count == 1 && _host.AuthenticatePassword(name, response.Responses[0]);
        await CompleteAsync(name, "keyboard-interactive", ok, cancellation).ConfigureAwait(false);
    }

    private async Task SendPromptAsync(CancellationToken cancellation)
    {
        var prompt = _awaitingAcknowledgement ? AcknowledgePrompt : PasswordPrompt;
        var request = new UserauthInfoRequestMessage(string.Empty, string.Empty, string.Empty, [(prompt, _awaitingAcknowledgement)]);
        await SendPacketAsync(request.ToPayload(), cancellation).ConfigureAwait(false);
    }

    private async Task CompleteAsync(string user, string method, bool success, CancellationToken cancellation)
    {
        if (success)
        {
            User = user;
            AuthMethod = method;
            Log(SshLogLevel.Info, $"user {Printable(user)} authenticated by {method} ({Printable(ClientVersion ?? string.Empty)}, {Algorithms})");
            await SendPacketAsync(new UserauthSuccessMessage().ToPayload(), cancellation).ConfigureAwait(false);
            return;
        }

        _failures++;
        Log(SshLogLevel.Warning, $"{method} authentication failed for user {Printable(user)} ({_failures})");
        await Task.Delay(_options.Limits.AuthFailureDelay, cancellation).ConfigureAwait(false);
        if (_failures >= _options.Limits.MaxAuthAttempts)
        {
            throw new SshProtocolException(SshDisconnectReason.NoMoreAuthMethodsAvailable, "too many authentication failures");
        }

        await SendFailureAsync(cancellation).ConfigureAwait(false);
    }

    private async Task SendFailureAsync(CancellationToken cancellation) =>
        await SendPacketAsync(new UserauthFailureMessage(Methods, false).ToPayload(), cancellation).ConfigureAwait(false);
}
