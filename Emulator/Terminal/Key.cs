using System.Text;

namespace VirtualFirewall.Emulator.Terminal;

/// <summary>One decoded key press.</summary>
public readonly record struct Key(KeyKind Kind, Rune Rune = default)
{
    public static Key Of(KeyKind kind) => new(kind);

    public static Key Character(Rune rune) => new(KeyKind.Character, rune);

    public override string ToString() => Kind == KeyKind.Character ? Rune.ToString() : Kind.ToString();
}
