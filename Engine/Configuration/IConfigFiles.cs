namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// Where the host keeps named configuration files (`save config to`, `load config from`): the
/// Engine does no I/O itself. Names are plain file names; the host refuses anything else.
/// </summary>
public interface IConfigFiles
{
    /// <summary>The file's text, or null when there is no such file.</summary>
    string? Read(string name);

    /// <summary>Null when written, else the reason it could not be.</summary>
    string? Write(string name, string text);
}
