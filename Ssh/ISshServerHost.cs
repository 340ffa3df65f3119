namespace VirtualFirewall.Ssh;

/// <summary>What the SSH library asks of the application: who may log in, and what runs on a channel.</summary>
public interface ISshServerHost
{
    /// <summary>Checks a password, in time independent of where it differs.</summary>
    bool AuthenticatePassword(string user, string password);

    /// <summary>True when the public key blob is configured for the user.</summary>
    bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob);

    /// <summary>Starts the interactive shell of a session channel.</summary>
    ISshChannelHandler OpenShell(SshSessionChannel channel);

    /// <summary>Runs one command on a session channel; the handler ends the channel with an exit status.</summary>
    ISshChannelHandler OpenExec(SshSessionChannel channel, string command);
}
