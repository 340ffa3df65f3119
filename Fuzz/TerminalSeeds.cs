using System.Text;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Telnet;

namespace VirtualFirewall.Fuzz;

/// <summary>
/// The seeds of what a user or a Telnet client sends: negotiation and subnegotiations, keys and escape
/// sequences, and the typed input of every transcript as shell input and as command lines.
/// </summary>
internal static class TerminalSeeds
{
    private const int MaxShellSeed = 2048;

    public static void Write(string corpus, string repository)
    {
        var telnet = SeedWriter.Folder(corpus, "telnet");
        const byte iac = TelnetCodes.IAC;
        File.WriteAllBytes(Path.Combine(telnet, "negotiation.bin"), [iac, TelnetCodes.DO, TelnetCodes.ECHO, iac, TelnetCodes.WILL, TelnetCodes.SGA, iac, TelnetCodes.WILL, TelnetCodes.NAWS, iac, TelnetCodes.WILL, TelnetCodes.TTYPE, iac, TelnetCodes.DONT, TelnetCodes.LINEMODE]);
        File.WriteAllBytes(Path.Combine(telnet, "naws.bin"), [iac, TelnetCodes.SB, TelnetCodes.NAWS, 0, 80, 0, 24, iac, TelnetCodes.SE, iac, TelnetCodes.SB, TelnetCodes.NAWS, 0, 255, 255, 0, 50, iac, TelnetCodes.SE]);
        File.WriteAllBytes(Path.Combine(telnet, "terminal-type.bin"), [iac, TelnetCodes.SB, TelnetCodes.TTYPE, TelnetCodes.IS, .. "xterm-256color"u8, iac, TelnetCodes.SE]);
        File.WriteAllBytes(Path.Combine(telnet, "login.bin"), [.. "admin\r\0admin\r\n"u8, iac, TelnetCodes.AYT, iac, iac, .. "show clock\r\n"u8, iac, TelnetCodes.IP]);

        var keys = SeedWriter.Folder(corpus, "keys");
        File.WriteAllBytes(Path.Combine(keys, "line.bin"), "show clock\r"u8.ToArray());
        File.WriteAllBytes(Path.Combine(keys, "edit.bin"), "shw\b\bhow\u001b[D\u001b[C\u001bOH\u001bOF\u0001x\u0005\u000b\u0015\u0017 clock\n\u001b[A\u001b[B\u001b[3~\u001b[1;5D"u8.ToArray());
        File.WriteAllBytes(Path.Combine(keys, "utf8.bin"), "é€😀\u007f\u007f\u001b[Dx\r\n\r\0"u8.ToArray());

        var shell = SeedWriter.Folder(corpus, "shell");
        var grammar = SeedWriter.Folder(corpus, "grammar");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "transcripts"), "*.txt").Order(StringComparer.Ordinal))
        {
            var transcript = Transcript.Parse(File.ReadAllText(file));
            var typed = transcript.Steps.OfType<TypeStep>().SelectMany(s => s.Bytes).ToArray();
            var name = Path.GetFileNameWithoutExtension(file);
            if (typed.Length <= MaxShellSeed)
            {
                File.WriteAllBytes(Path.Combine(shell, name + ".bin"), typed);
            }

            var lines = Encoding.UTF8.GetString(typed).Split('\r', '\n')
                .Select(l => new string([.. l.Where(c => c >= ' ' && c != '\u007f')]))
                .Where(l => l.Length > 0);
            File.WriteAllLines(Path.Combine(grammar, name + ".txt"), lines);
        }
    }
}
