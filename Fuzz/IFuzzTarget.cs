namespace VirtualFirewall.Fuzz;

/// <summary>
/// One decoder or parser under fuzzing. <see cref="Run"/> catches the rejections the product promises
/// for bad input (a protocol error, a description error, a failure value); any other exception escapes,
/// and the fuzzer records the input as a crash.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name on the command line and of the corpus folder.</summary>
    string Name { get; }

    void Run(ReadOnlySpan<byte> input);
}
