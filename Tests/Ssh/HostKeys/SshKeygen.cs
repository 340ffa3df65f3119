using System.Diagnostics;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

/// <summary>
/// Runs OpenSSH's /usr/bin/ssh-keygen in a scratch directory. A missing ssh-keygen skips the test
/// locally and fails it under CI.
/// </summary>
internal sealed class SshKeygen : IDisposable
{
    private const string Program = "/usr/bin/ssh-keygen";

    private SshKeygen(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public static SshKeygen Require()
    {
        if (!File.Exists(Program))
        {
            const string reason = Program + " is missing (Debian package openssh-client)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var directory = Path.Combine(Path.GetTempPath(), "vf-ssh-keygen-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new SshKeygen(directory);
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes a private key file with mode 600, which ssh-keygen insists on.</summary>
    public string WritePrivate(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    /// <summary>Runs ssh-keygen; a non-zero exit fails the test with its output.</summary>
    public string Run(params string[] arguments)
    {
        var (exitCode, output, error) = TryRun(null, arguments);
        Assert.That(exitCode, Is.Zero, $"ssh-keygen {string.Join(' ', arguments)}\n{output}\n{error}");
        return output;
    }

    public (int ExitCode, string Output, string Error) TryRun(string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ssh-keygen did not start");
        process.StandardInput.Write(standardInput ?? string.Empty);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, "timed out\n" + error.Result);
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Generates an unencrypted key with ssh-keygen; returns the private key file's path.</summary>
    public string Generate(string name, string type, int bits, string comment)
    {
        var path = PathOf(name);
        Run("-q", "-t", type, "-b", bits.ToString(System.Globalization.CultureInfo.InvariantCulture), "-N", string.Empty, "-C", comment, "-f", path);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
