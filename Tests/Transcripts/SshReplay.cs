using System.Net;
using Renci.SshNet;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Transcripts;

/// <summary>Replays a transcript over SSH on loopback with SSH.NET: a pty of the header's size, then the steps.</summary>
internal static class SshReplay
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ReplayResult> RunAsync(Transcript transcript)
    {
        var header = transcript.Header;
        var (device, clock) = TranscriptDevice.Create(header);
        var password = Emulator.Inventory.DefaultDevice.Users.Single(u => string.Equals(u.Name, header.User, StringComparison.Ordinal)).Password;
        await using var host = new SshHost(device, new IPEndPoint(IPAddress.Loopback, 0), new SshServerOptions { HostKeys = SshTestServer.HostKeys });
        host.Start();
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", host.LocalEndpoint.Port, header.User, new PasswordAuthenticationMethod(header.User, password)));
        client.Connect();
        using var shell = client.CreateShellStream("vt100", (uint)header.Width, (uint)header.Height, 0, 0, 65536);
        var received = new List<byte>();
        var gate = new Lock();
        var reader = Task.Run(() =>
        {
            var buffer = new byte[65536];
            int read;
            while ((read = shell.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (gate)
                {
                    received.AddRange(buffer.AsSpan(0, read));
                }
            }
        });

        byte[] Received()
        {
            lock (gate)
            {
                return [.. received];
            }
        }

        async Task WaitForAsync(int length)
        {
            var deadline = DateTime.UtcNow + StepTimeout;
            while (Received().Length < length && DateTime.UtcNow < deadline && !reader.IsCompleted)
            {
                await Task.Delay(5);
            }
        }

        var expectedSoFar = 0;
        var taken = 0;
        byte[] initial = [];
        var steps = new List<(TranscriptStep, byte[])>();
        foreach (var step in transcript.Steps)
        {
            if (step is ExpectStep expect)
            {
                expectedSoFar += expect.Bytes.Length;
                continue;
            }

            await WaitForAsync(expectedSoFar);
            var now = Received();
            var chunk = now.AsSpan(Math.Min(taken, now.Length)).ToArray();
            taken = now.Length;
            if (steps.Count == 0)
            {
                initial = chunk;
            }
            else
            {
                steps[^1] = (steps[^1].Item1, chunk);
            }

            switch (step)
            {
                case TypeStep typed:
                    shell.Write(typed.Bytes, 0, typed.Bytes.Length);
                    shell.Flush();
                    break;
                case AdvanceClockStep advance:
                    clock.Advance(advance.By);
                    break;
            }

            steps.Add((step, []));
        }

        await WaitForAsync(expectedSoFar);
        await Task.Delay(50);
        var all = Received();
        var tail = all.AsSpan(Math.Min(taken, all.Length)).ToArray();
        if (steps.Count == 0)
        {
            initial = tail;
        }
        else
        {
            steps[^1] = (steps[^1].Item1, tail);
        }

        return new ReplayResult(initial, steps);
    }
}
