using System.Diagnostics;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// Runs a script with Debian's /usr/bin/python3, the only interpreter that sees python3-netmiko and
/// python3-textfsm. A missing interpreter or module skips the test locally and fails it under CI.
/// </summary>
internal static class DebianPython
{
    private const string Interpreter = "/usr/bin/python3";

    public static void Require(string module)
    {
        if (File.Exists(Interpreter) && Run($"import {module}", [], TimeSpan.FromSeconds(30)).ExitCode == 0)
        {
            return;
        }

        var reason = $"{Interpreter} cannot import {module} (Debian package python3-{module})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }

    public static (int ExitCode, string Output, string Error) Run(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, "timed out after " + timeout + "\n" + error.Result);
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
