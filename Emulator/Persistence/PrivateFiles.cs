namespace VirtualFirewall.Emulator.Persistence;

/// <summary>
/// Files and directories only their owner may read: host keys, configurations (they hold password
/// hashes) and recorded sessions (they hold what users typed). Mode 600 for files, 700 for the
/// directories we create; directories that already exist keep their mode. No-ops on Windows.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parent with mode 700.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            // Directory.CreateDirectory(path, mode) gives the mode to the last level only.
            var missing = new Stack<string>();
            for (var level = Path.GetFullPath(path); !Directory.Exists(level); level = Path.GetDirectoryName(level)!)
            {
                missing.Push(level);
            }

            while (missing.TryPop(out var level))
            {
                Directory.CreateDirectory(level, DirectoryMode);
            }
        }
    }

    /// <summary>Opens a new file for writing, created with mode 600.</summary>
    public static FileStream Create(string path, System.IO.FileMode mode = System.IO.FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}
