using System.Collections.Concurrent;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// `save config to` and `load config from` for a device that has no state directory (transcript
/// replays): the files live in memory, under the same name rules as <see cref="Persistence.RunningConfigFile"/>.
/// </summary>
public sealed class MemoryConfigFiles : IConfigFiles
{
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);

    public string? Read(string name) => _files.TryGetValue(name, out var text) ? text : null;

    public string? Write(string name, string text)
    {
        if (!Persistence.RunningConfigFile.IsPlainName(name) || string.Equals(name, Persistence.RunningConfigFile.FileName, StringComparison.Ordinal))
        {
            return $"{name} is not a file name that can be written";
        }

        _files[name] = text;
        return null;
    }
}
