using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>
/// The real emulator executable in its own process: started with the given options, its standard
/// output and error kept, its listener lines read, stopped by SIGTERM. Dispose kills it if it still runs.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<string> _lines = [];
    private readonly Task _readers;
    private bool _outputEnded;
    private TaskCompletionSource _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulatorProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(
            ReadAsync(process.StandardOutput, _output, keepLines: true),
            ReadAsync(process.StandardError, _error, keepLines: false));
    }

    /// <summary>Everything written to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Everything written to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public int Id => _process.Id;

    /// <summary>Starts the emulator; <paramref name="environment"/> adds variables to its environment.</summary>
    public static EmulatorProcess Start(IEnumerable<string> options, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "VirtualFirewall.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new EmulatorProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>The port of the listener whose line is `&lt;kind&gt; listening on 127.0.0.1:&lt;port&gt;` (kind `ssh`, `telnet` or `control API`).</summary>
    public async Task<int> PortAsync(string kind, TimeSpan timeout)
    {
        var pattern = new Regex("^" + Regex.Escape(kind) + @" listening on (?:http://)?127\.0\.0\.1:(\d+)/?$", RegexOptions.None, TimeSpan.FromSeconds(1));
        var line = await LineAsync(pattern, timeout);
        return int.Parse(pattern.Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The first line of standard output that matches <paramref name="pattern"/>, waiting for it.</summary>
    public async Task<string> LineAsync(Regex pattern, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            bool ended;
            lock (_gate)
            {
                if (_lines.FirstOrDefault(pattern.IsMatch) is { } line)
                {
                    return line;
                }

                arrived = _lineArrived.Task;
                ended = _outputEnded;
            }

            if (ended)
            {
                Assert.Fail($"the emulator closed its output before printing a line like {pattern}.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no line like {pattern} within {timeout}.\nstdout:\n{Output}\nstderr:\n{Error}");
            }
        }
    }

    /// <summary>Sends SIGTERM (or <paramref name="signal"/>, such as `INT`) and waits for the process to exit and its output to end; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout, string signal = "TERM")
    {
        using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await _readers.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the emulator did not exit within {timeout} of SIG{signal}.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        try
        {
            await _readers.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The pipes stay open only if a child kept them: nothing more to read.
        }

        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader, StringBuilder text, bool keepLines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                text.Append(line).Append('\n');
                if (keepLines)
                {
                    _lines.Add(line);
                    _lineArrived.TrySetResult();
                    _lineArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        if (keepLines)
        {
            lock (_gate)
            {
                _outputEnded = true;
                _lineArrived.TrySetResult();
            }
        }
    }
}
