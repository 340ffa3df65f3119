using VirtualFirewall.Emulator.Shell;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>Replays a transcript against the shell in memory: no sockets, no timing.</summary>
public static class MemoryReplay
{
    public static ReplayResult Run(Transcript transcript, bool byteByByte = false)
    {
        var header = transcript.Header;
        var (device, clock) = TranscriptDevice.Create(header);
        var (session, banner) = device.Login(header.User, header.From, "CLI");
        var shell = new CliShell(device, session);
        shell.Resize(header.Width, header.Height);
        shell.Start(banner);
        var initial = shell.TakeOutput();
        var steps = new List<(TranscriptStep, byte[])>();
        foreach (var step in transcript.Steps)
        {
            switch (step)
            {
                case TypeStep typed:
                    if (byteByByte)
                    {
                        foreach (var b in typed.Bytes)
                        {
                            shell.Feed([b]);
                        }
                    }
                    else
                    {
                        shell.Feed(typed.Bytes);
                    }

                    steps.Add((step, shell.TakeOutput()));
                    break;
                case AdvanceClockStep advance:
                    clock.Advance(advance.By);
                    steps.Add((step, []));
                    break;
            }
        }

        shell.Close();
        return new ReplayResult(initial, steps);
    }
}
