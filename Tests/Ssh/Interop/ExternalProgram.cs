using System.Diagnostics;
using System.Text;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>Runs a client program from Debian's packages; missing programs skip locally and fail under CI.</summary>
internal static class ExternalProgram
{
    public static void Require(string path, string package)
    {
        if (File.Exists(path))
        {
            return;
        }

        var reason = $"{path} is missing (Debian package {package})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string? input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, "timed out after " + timeout + "\n" + await error);
        }

        return (process.ExitCode, await output, await error);
    }
}
