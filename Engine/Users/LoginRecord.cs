namespace VirtualFirewall.Engine.Users;

/// <summary>The previous successful login of a user, printed as `Last login: ... from ...`.</summary>
public sealed record LoginRecord(DateTimeOffset At, string From);
