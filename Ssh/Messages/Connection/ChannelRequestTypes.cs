namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>Channel request types (RFC 4254 §6, and OpenSSH's PROTOCOL file).</summary>
public static class ChannelRequestTypes
{
    public const string PtyRequest = "pty-req";
    public const string X11Request = "x11-req";
    public const string Env = "env";
    public const string Shell = "shell";
    public const string Exec = "exec";
    public const string Subsystem = "subsystem";
    public const string WindowChange = "window-change";
    public const string XonXoff = "xon-xoff";
    public const string Signal = "signal";
    public const string ExitStatus = "exit-status";
    public const string ExitSignal = "exit-signal";
    public const string AuthAgentRequest = "auth-agent-req@openssh.com";
    public const string KeepAlive = "keepalive@openssh.com";
    public const string EndOfWrite = "eow@openssh.com";
}
