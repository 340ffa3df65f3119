namespace VirtualFirewall.Emulator.Telnet;

/// <summary>Where a Telnet login dialog stands after a key.</summary>
public enum LoginOutcome
{
    /// <summary>Still collecting the user name or password.</summary>
    Pending,

    /// <summary>The password was wrong: the host waits its failure delay, then calls <see cref="TelnetLogin.Retry"/>.</summary>
    Rejected,

    /// <summary>The user is in: the remaining keys belong to the shell.</summary>
    Authenticated,

    /// <summary>Too many failures: the host closes the connection.</summary>
    Disconnect,
}
