using Renci.SshNet;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>A well-behaved SSH.NET client: the proof that the server still serves others while it is attacked.</summary>
internal static class NormalClient
{
    /// <summary>`show clock` on the test device's manual clock, as exec output.</summary>
    public const string Clock = "\nFri Nov 27 18:56:14 UTC 2026\n\n";

    public static ConnectionInfo Connection(int port, string password = "admin") =>
        new("127.0.0.1", port, "admin", new PasswordAuthenticationMethod("admin", password)) { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Connects, logs in and runs `show clock`; every step bounded, so a stuck server fails the test instead of hanging it.</summary>
    public static async Task<string> ShowClockAsync(int port, CancellationToken cancellation)
    {
        var run = Task.Run(
            () =>
            {
                using var client = new SshClient(Connection(port));
                client.Connect();
                using var command = client.CreateCommand("show clock");
                command.CommandTimeout = TimeSpan.FromSeconds(5);
                var result = command.Execute();
                client.Disconnect();
                return result;
            },
            cancellation);
        return await run.WaitAsync(TimeSpan.FromSeconds(15), cancellation);
    }

    /// <summary>Asserts that a normal client gets the right answer now; <paramref name="when"/> names the moment.</summary>
    public static async Task AssertWorksAsync(int port, string when, CancellationToken cancellation)
    {
        string result;
        try
        {
            result = await ShowClockAsync(port, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            Assert.Fail($"a normal client failed {when}: {e}");
            return;
        }

        Assert.That(result, Is.EqualTo(Clock), $"a normal client {when}");
    }
}
