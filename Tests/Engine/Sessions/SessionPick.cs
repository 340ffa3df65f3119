using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>
/// The session an operation aims at: the <see cref="Opened"/>-th most recently opened session
/// (0 the latest, wrapping round; the id <see cref="Opened"/> + 1 while none has been), or a raw
/// <see cref="Id"/> that may name no session. Picks count opens, not ids, so a generated sequence
/// still aims at real sessions after shrinking removes some of its opens.
/// </summary>
internal readonly record struct SessionPick(int? Opened, uint Id)
{
    public static SessionPick OpenedAt(int index) => new(index, (uint)index + 1);

    public static SessionPick Raw(uint id) => new(null, id);

    public uint Resolve(IReadOnlyList<Session> opened) => Opened switch
    {
        { } index when opened.Count > 0 => opened[^(1 + (index % opened.Count))].Id,
        _ => Id,
    };

    public override string ToString() => Opened is { } index ? $"opened[^{index + 1}]" : $"id {Id}";
}
