using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>
/// A decoded key as a transcript types it: the canonical bytes that decode to that key again and the
/// `⟪...⟫` action that writes it. Recording keys rather than raw bytes makes `\r\n`, `\r\0` and a
/// Telnet IP the Enter and Ctrl-C a replay can type, and leaves out what the shell never saw.
/// </summary>
internal static class KeyNotation
{
    public static byte[] Bytes(Key key) =>
        key.Kind == KeyKind.Character
            ? Encoding.UTF8.GetBytes(key.Rune.ToString())
            : TranscriptNotation.TryKey(Name(key.Kind), out var bytes) ? bytes : [];

    /// <summary>The action that types the key without expecting an echo.</summary>
    public static string Action(Key key) =>
        key.Kind switch
        {
            KeyKind.Character when key.Rune.Value == ' ' => "⟪space⟫",
            KeyKind.Character => "⟪type " + key.Rune + "⟫",
            _ => "⟪" + Name(key.Kind) + "⟫",
        };

    private static string Name(KeyKind kind) =>
        kind switch
        {
            KeyKind.Enter => "enter",
            KeyKind.Backspace => "bs",
            KeyKind.Delete => "del",
            KeyKind.Interrupt => "ctrl-c",
            KeyKind.EndOfFile => "ctrl-d",
            KeyKind.Tab => "tab",
            KeyKind.Up => "up",
            KeyKind.Down => "down",
            KeyKind.Left => "left",
            KeyKind.Right => "right",
            KeyKind.Home => "home",
            KeyKind.End => "end",
            KeyKind.KillToEnd => "ctrl-k",
            KeyKind.KillLine => "ctrl-u",
            KeyKind.KillWord => "ctrl-w",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a character has no key name"),
        };
}
