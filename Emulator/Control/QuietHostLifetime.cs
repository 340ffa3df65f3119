using Microsoft.Extensions.Hosting;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM alone: the emulator handles them and stops the
/// control API with everything else (the default console lifetime would take the signals over).
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
