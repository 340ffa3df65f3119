using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// Runs a script with Debian's /usr/bin/python3 without holding a thread while it runs. The tests
/// serve the device from the same process: on a two-core machine a thread pool thread blocked in
/// <c>Process.WaitForExit</c> (as <c>Task.Run(() => DebianPython.Run(...))</c> does) leaves the server
/// too few threads, its replies come hundreds of milliseconds late, and netmiko with <c>fast_cli</c>
/// (which waits 0.11 s for a prompt) fails with "Unable to find prompt". Call <see cref="DebianPython.Require"/> first.
/// </summary>
internal static class PythonProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout) =>
        ExternalProgram.RunAsync("/usr/bin/python3", ["-c", script, .. arguments], null, timeout);
}
