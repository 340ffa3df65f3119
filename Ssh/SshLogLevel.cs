namespace VirtualFirewall.Ssh;

public enum SshLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}
