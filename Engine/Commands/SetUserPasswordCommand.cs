namespace VirtualFirewall.Engine.Commands;

/// <summary>
/// `set mgt-config users &lt;name&gt; password`. The CLI asks for the password twice without echo
/// (`Enter password   : `, `Confirm password : `); the shell fills both in before the device runs it.
/// </summary>
public sealed record SetUserPasswordCommand(string User, string? Password = null, string? Confirmation = null) : Command;
