using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>One SSH message payload, as the packet reader hands it over: every reader of its number.</summary>
public sealed class SshMessagesTarget : IFuzzTarget
{
    public string Name => "ssh-messages";

    public void Run(ReadOnlySpan<byte> input) => SshMessageDecoder.Decode(input);
}
