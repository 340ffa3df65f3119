namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// A session has just ended: it entered DISCARD or CLOSING, or was freed, whichever came first.
/// <see cref="Action"/> is what the traffic log records: the rule's deny/drop for a session opened
/// on a denying rule, `deny` for an allowed session that a later App-ID policy lookup denied, and
/// `allow` otherwise (a threat end keeps `allow`, KB kA14u000000HCQlCAO in reference §3.5).
/// </summary>
public sealed class SessionEndedEventArgs(Session session, RuleAction action) : EventArgs
{
    public Session Session { get; } = session;
    public RuleAction Action { get; } = action;
}
