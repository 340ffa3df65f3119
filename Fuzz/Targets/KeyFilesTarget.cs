using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Fuzz.Support;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// Key files: an OpenSSH private host key file (rejected with <see cref="FormatException"/>) and, line by
/// line, OpenSSH public key lines as descriptions list them (rejected by returning false).
/// </summary>
public sealed class KeyFilesTarget : IFuzzTarget
{
    public string Name => "key-files";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = FuzzText.Decode(input);
        try
        {
            using var key = HostKeyFile.Import(text);
        }
        catch (FormatException)
        {
            // Not a usable private key file.
        }

        foreach (var line in text.Split('\n'))
        {
            _ = PublicKeyLine.TryParse(line, out _);
        }
    }
}
