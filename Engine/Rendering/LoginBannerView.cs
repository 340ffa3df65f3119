using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>What the post-login lines report.</summary>
public sealed record LoginBannerView(LoginRecord? PreviousLogin, DateTime? PreviousLoginLocal, int FailedAttempts, bool DefaultCredentials);
