namespace VirtualFirewall.Engine.Rendering;

/// <summary>One logged-in administrator as `show admins` lists it.</summary>
public sealed record AdminRow(string Admin, string From, string Client, DateTime SessionStartLocal, TimeSpan IdleFor);
