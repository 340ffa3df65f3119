using NLog;
using VirtualFirewall.Emulator.Persistence;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// The SSH host keys of the emulator: generated on first run, written atomically with mode 600,
/// loaded afterwards. A corrupt key file stops the start-up: regenerating it silently would break
/// every client's known_hosts.
/// </summary>
public static class HostKeyStore
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "VirtualFirewall", "host-keys");

    public static IReadOnlyList<HostKey> LoadOrCreate(string directory)
    {
        PrivateFiles.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, PrivateFiles.DirectoryMode);
        }

        var keys = new List<HostKey>
        {
            LoadOrCreate(Path.Combine(directory, "ssh_host_ed25519_key"), Ed25519HostKey.Generate),
            LoadOrCreate(Path.Combine(directory, "ssh_host_ecdsa_key"), () => EcdsaHostKey.Generate()),
            LoadOrCreate(Path.Combine(directory, "ssh_host_rsa_key"), () => RsaHostKey.Generate()),
        };
        foreach (var key in keys)
        {
            Log.Info("ssh host key {0} {1}", key.KeyType, key.Fingerprint);
        }

        return keys;
    }

    private static HostKey LoadOrCreate(string path, Func<HostKey> generate)
    {
        if (File.Exists(path))
        {
            try
            {
                return HostKeyFile.Import(File.ReadAllText(path));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"host key file {path} is corrupt: {e.Message}. Restore it, or delete it to make a new key (clients will then see a changed host key).", e);
            }
        }

        var key = generate();
        WriteAtomically(path, HostKeyFile.Export(key, "virtualfirewall"));
        WriteAtomically(path + ".pub", HostKeyFile.ExportPublic(key, "virtualfirewall") + "\n");
        return key;
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        using (var stream = PrivateFiles.Create(temporary, FileMode.Create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
