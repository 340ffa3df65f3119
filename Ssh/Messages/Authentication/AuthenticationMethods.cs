namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>Authentication method names (RFC 4252 §5, RFC 4256).</summary>
public static class AuthenticationMethods
{
    public const string None = "none";
    public const string Password = "password";
    public const string PublicKey = "publickey";
    public const string KeyboardInteractive = "keyboard-interactive";
    public const string HostBased = "hostbased";
}
