using System.Text;
using System.Xml.Linq;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering.Configuration;

namespace VirtualFirewall.Emulator.Persistence;

/// <summary>
/// `--state-dir`: the running configuration as `running-config.xml`, written at every commit to a
/// temporary file, flushed to disk and renamed over the old one. A rename is atomic on POSIX file
/// systems, so after a crash at any point the file holds the last commit that reported success,
/// or the one before it, never half of one. The same directory holds the files of `save config to`
/// and `load config from`. Files are mode 600 and a directory made here 700: a configuration holds
/// password hashes.
/// </summary>
public sealed class RunningConfigFile : IConfigFiles
{
    public const string FileName = "running-config.xml";

    private readonly string _directory;

    public RunningConfigFile(string directory)
    {
        _directory = directory;
    }

    public string FilePath => Path.Combine(_directory, FileName);

    /// <summary>
    /// Starts the device from the saved configuration, if there is one, and saves every commit from now
    /// on. Throws <see cref="InvalidDataException"/> for a file that is not a configuration, and
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the directory cannot be used.
    /// </summary>
    public void Attach(Device device)
    {
        PrivateFiles.CreateDirectory(_directory);
        foreach (var stale in Directory.EnumerateFiles(_directory, "." + FileName + ".*.tmp"))
        {
            TryDelete(stale);
        }

        if (File.Exists(FilePath))
        {
            ConfigElement root;
            try
            {
                (root, _) = ConfigXmlReader.Read(XDocument.Load(FilePath));
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvalidDataException($"{FilePath}: not a readable configuration: {e.Message}", e);
            }

            device.LoadRunning(root);
        }

        device.SaveRunning = Save;
        device.ConfigFiles = this;
    }

    public string? Read(string name) =>
        IsPlainName(name) && File.Exists(Path.Combine(_directory, name)) ? File.ReadAllText(Path.Combine(_directory, name)) : null;

    public string? Write(string name, string text)
    {
        if (!IsPlainName(name) || string.Equals(name, FileName, StringComparison.Ordinal))
        {
            return $"{name} is not a file name that can be written";
        }

        return WriteAtomically(Path.Combine(_directory, name), text);
    }

    /// <summary>Null when the configuration is on disk, else the reason the commit fails.</summary>
    public string? Save(ConfigElement running) =>
        WriteAtomically(FilePath, "<?xml version=\"1.0\"?>\n" + ConfigXmlRenderer.Render(FullConfiguration.Of(running))) is { } error
            ? "Server error : cannot save the configuration: " + error
            : null;

    /// <summary>A file name without a directory, not hidden: what `save config to` may write.</summary>
    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private string? WriteAtomically(string path, string text)
    {
        var temporary = Path.Combine(_directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = PrivateFiles.Create(temporary))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return e.Message;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leave it: the next start ignores temporary files.
        }
    }
}
