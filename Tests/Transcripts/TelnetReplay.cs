using System.Net;
using System.Text;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Tests.Hosting;

namespace VirtualFirewall.Tests.Transcripts;

/// <summary>
/// Replays a transcript over a real Telnet connection on loopback: logs in through `login: ` and
/// `Password: `, then types each step once the answer to the previous one has arrived.
/// </summary>
internal static class TelnetReplay
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ReplayResult> RunAsync(Transcript transcript)
    {
        var header = transcript.Header;
        var (device, clock) = TranscriptDevice.Create(header);
        var password = DefaultDevice.Users.Single(u => string.Equals(u.Name, header.User, StringComparison.Ordinal)).Password;
        var host = new TelnetHost(device, new IPEndPoint(IPAddress.Loopback, 0), new TelnetHostOptions { FailureDelay = TimeSpan.Zero });
        host.Start();
        try
        {
            await using var client = await TelnetTestClient.ConnectAsync(host.LocalEndpoint);
            Require(await client.WaitForTextAsync("login: ", StepTimeout), "no login prompt");
            await client.SendAsync(header.User + "\r\n");
            Require(await client.WaitForTextAsync("Password: ", StepTimeout), "no password prompt");
            await client.SendAsync(password + "\r\n");

            // Everything up to the end of the password line belongs to the login dialog, not the transcript.
            var loginEcho = Encoding.UTF8.GetBytes("login: " + header.User + "\r\nPassword: \r\n");
            Require(await client.WaitForAsync(b => b.Length >= loginEcho.Length, StepTimeout), "login did not finish");
            var offset = loginEcho.Length;

            var expectedSoFar = 0;
            var received = 0;
            byte[] initial = [];
            var steps = new List<(TranscriptStep, byte[])>();
            var firstAction = true;
            foreach (var step in transcript.Steps)
            {
                if (step is ExpectStep expect)
                {
                    expectedSoFar += expect.Bytes.Length;
                    continue;
                }

                // Wait for the answer to everything sent so far before acting again.
                await client.WaitForAsync(b => b.Length - offset >= expectedSoFar, StepTimeout);
                var now = client.Received.AsSpan(offset).ToArray();
                var chunk = now.AsSpan(Math.Min(received, now.Length)).ToArray();
                received = now.Length;
                if (firstAction)
                {
                    initial = chunk;
                    firstAction = false;
                }
                else
                {
                    steps[^1] = (steps[^1].Item1, chunk);
                }

                switch (step)
                {
                    case TypeStep typed:
                        await client.SendAsync(typed.Bytes);
                        break;
                    case AdvanceClockStep advance:
                        clock.Advance(advance.By);
                        break;
                }

                steps.Add((step, []));
            }

            await client.WaitForAsync(b => b.Length - offset >= expectedSoFar, StepTimeout);
            await Task.Delay(50);
            var all = client.Received.AsSpan(offset).ToArray();
            var tail = all.AsSpan(Math.Min(received, all.Length)).ToArray();
            if (firstAction)
            {
                initial = tail;
            }
            else
            {
                steps[^1] = (steps[^1].Item1, tail);
            }

            return new ReplayResult(initial, steps);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("telnet replay: " + what);
        }
    }
}
