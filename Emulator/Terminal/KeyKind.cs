namespace VirtualFirewall.Emulator.Terminal;

/// <summary>What a key press means to the line editor.</summary>
public enum KeyKind
{
    /// <summary>A printable character, in <see cref="Key.Rune"/>.</summary>
    Character,
    Enter,
    Backspace,
    Delete,
    Interrupt,
    EndOfFile,
    Tab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    KillToEnd,
    KillLine,
    KillWord,
}
