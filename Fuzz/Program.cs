using SharpFuzz;
using VirtualFirewall.Fuzz;

// Usage:
//   Fuzz <target>                      under afl-fuzz: run inputs from afl's fork server
//   Fuzz run <target> <file|dir>...    run saved inputs once each; exit 1 if any crashes
//   Fuzz seeds <corpus-dir> <repo>     write the seed corpora, from the repository checkout <repo>
//   Fuzz list                          the target names
if (args is ["list"])
{
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine(target.Name);
    }

    return 0;
}

if (args is ["seeds", var corpus, var repository])
{
    SeedWriter.WriteAll(corpus, repository);
    return 0;
}

if (args is ["run", var name, .. var paths] && FuzzTargets.Find(name) is { } replayed)
{
    return InputReplay.Run(replayed, paths) ? 0 : 1;
}

if (args is [var fuzzed] && FuzzTargets.Find(fuzzed) is { } target2)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target2.Run(buffer.ToArray());
    });
    return 0;
}

Console.Error.WriteLine("usage: Fuzz <target> | run <target> <file|dir>... | seeds <corpus-dir> <repo> | list");
Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
return 2;
