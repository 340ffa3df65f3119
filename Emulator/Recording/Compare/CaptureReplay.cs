using System.Text;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine;

namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// One login session on an emulated device, driven as <see cref="MemoryReplay"/> drives the shell:
/// each command is typed with Enter and its output collected up to the next prompt, then split and
/// normalised by the same <see cref="CaptureParser"/> that read the capture.
/// </summary>
internal sealed class CaptureReplay
{
    private const string From = "192.0.2.10";
    private const int MaxKeys = 100_000;

    private readonly Device _device;
    private readonly string _user;
    private CliShell _shell;

    private CaptureReplay(Device device, string user, bool configurationMode)
    {
        _device = device;
        _user = user;
        _shell = LogIn(configurationMode);
    }

    /// <summary>The device the replay runs on, for the report's first line.</summary>
    public Device Device => _device;

    /// <summary>Makes the device the options describe, named and in the HA state of the capture's first prompt, and logs in.</summary>
    /// <exception cref="ArgumentException">An unknown device or a hostname the configuration refuses.</exception>
    public static CaptureReplay Start(CompareOptions options, CapturePrompt first, DateTimeOffset clock, DateTimeOffset boot)
    {
        var header = new TranscriptHeader
        {
            Device = options.Device,
            SwVersion = options.SwVersion,
            HaState = first.HaState,
            Boot = boot,
            Clock = clock,
            User = first.User,
            From = From,
        };
        var device = TranscriptDevice.Create(header).Device;
        var hostname = options.Hostname ?? first.Hostname;
        if (!string.Equals(hostname, device.Identity.Hostname, StringComparison.Ordinal)
            && device.SetAtStartup(["deviceconfig", "system", "hostname", hostname]) is { } error)
        {
            throw new ArgumentException($"hostname `{hostname}`: {error.Trim()}");
        }

        return new CaptureReplay(device, first.User, first.IsConfigurationMode);
    }

    /// <summary>Types <paramref name="command"/> and Enter; returns the output up to the next prompt, normalised.</summary>
    public string Run(string command)
    {
        if (_shell.IsClosed)
        {
            // The capture goes on after `exit`: the user logged in again.
            _shell = LogIn(configurationMode: false);
        }

        var prompt = _device.Prompt(_shell.Session);
        var text = new StringBuilder(prompt);
        text.Append(Type(command + "\r"));
        for (var keys = 0; keys < MaxKeys && !_shell.IsClosed && !EndsWithPrompt(text); keys++)
        {
            // The pager waits for a key (space: the next page); anything else (a password prompt, whose
            // password the capture cannot show) is abandoned with Ctrl-C.
            text.Append(Type(EndsWith(text, "--more--") ? " " : "\u0003"));
        }

        var (_, steps) = CaptureParser.Split(text.ToString());
        if (steps.Count == 0)
        {
            return string.Empty;
        }

        var output = new StringBuilder(steps[0].ExpectedOutput);
        foreach (var more in steps.Skip(1))
        {
            output.Append(more.InputLine).Append('\n').Append(more.ExpectedOutput);
        }

        return output.ToString();
    }

    /// <summary>Ends the login session.</summary>
    public void Close()
    {
        if (!_shell.IsClosed)
        {
            _shell.Close();
        }
    }

    private static bool EndsWith(StringBuilder text, string end) =>
        text.Length >= end.Length && text.ToString(text.Length - end.Length, end.Length).Equals(end, StringComparison.Ordinal);

    private bool EndsWithPrompt(StringBuilder text) => EndsWith(text, "\n" + _device.Prompt(_shell.Session));

    /// <summary>
    /// A new login session in scripting mode with the pager off, set before the capture's first command and
    /// not compared: neither changes a command's output once both sides are normalised (repaints collapsed,
    /// <c>--more--</c> removed), and the emulator's output then does not depend on the terminal's height.
    /// A capture that starts in configuration mode starts there too.
    /// </summary>
    private CliShell LogIn(bool configurationMode)
    {
        var (session, banner) = _device.Login(_user, From, "CLI");
        var shell = new CliShell(_device, session);
        shell.Start(banner);
        _shell = shell;
        Type("set cli scripting-mode on\r");
        Type("set cli pager off\r");
        if (configurationMode)
        {
            Type("configure\r");
        }

        return shell;
    }

    private string Type(string keys)
    {
        _shell.Feed(Encoding.UTF8.GetBytes(keys));
        return Encoding.UTF8.GetString(_shell.TakeOutput());
    }
}
