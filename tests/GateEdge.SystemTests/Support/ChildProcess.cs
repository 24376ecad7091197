using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// A real process started by a test: its output lines are kept, and it is stopped with SIGTERM as
/// systemd would. Every line a gateway process logged, in every system test, is scanned for the
/// test residents' ID numbers and names when it is disposed: a hit fails the test.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigStop = 19;
    private const int SigKill = 9;
    private const int SigCont = 18;
    private readonly Process _process;
    private readonly bool _isGateway;
    private bool _disposed;

    private ChildProcess(Process process, bool isGateway)
    {
        _process = process;
        _isGateway = isGateway;
    }

    public ConcurrentQueue<string> Lines { get; } = new();

    public string Output => string.Join(Environment.NewLine, Lines);

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static ChildProcess StartDotnet(string dll, params string[] args) => Start("dotnet", [dll, .. args]);

    public static ChildProcess Start(string file, params string[] args) => Start(file, new Dictionary<string, string>(), args);

    public static ChildProcess Start(string file, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The JIT build's dll, or a native release's executable (run directly or under qemu).
        bool isGateway = args.Contains(RepoPaths.GateEdgeDll) || args.Prepend(file).Any(a => Path.GetFileName(a) == "GateEdge");
        if (isGateway)
        {
            // The gateway speaks the locale's language: English, whatever the machine running the tests is set to.
            info.Environment["LC_ALL"] = "C.UTF-8";
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, isGateway);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child.Lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child.Lines.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task WaitForLineAsync(string contains, TimeSpan within)
    {
        bool Printed() => Lines.Any(l => l.Contains(contains, StringComparison.Ordinal));
        await Eventually.True(() => Printed() || _process.HasExited,
            () => $"a line containing '{contains}'; the process printed:\n{string.Join('\n', Lines.TakeLast(15))}", within);
        if (!Printed())
        {
            throw new Xunit.Sdk.XunitException($"the process exited with {_process.ExitCode} before printing '{contains}':\n{Output}");
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, SigTerm);
        }

        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open and nothing answers, as with a hung machine.</summary>
    public void Freeze() => _ = kill(_process.Id, SigStop);

    /// <summary>Lets a frozen process run on (SIGCONT).</summary>
    public void Thaw() => _ = kill(_process.Id, SigCont);

    /// <summary>SIGKILLs the program this process runs under a tracer (<c>strace … -- program</c>), as a power cut or the OOM killer would stop it.</summary>
    public void KillTraced()
    {
        string children = File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children").Trim();
        if (children.Length == 0)
        {
            throw new Xunit.Sdk.XunitException("the traced program is not running");
        }

        foreach (var child in children.Split(' '))
        {
            _ = kill(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture), SigKill);
        }
    }

    /// <summary>Kills the process if a test left it running (one that failed half-way); never throws.</summary>
    public void KillIfRunning()
    {
        if (!_disposed && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return; // a test may dispose what its support class also owns
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _disposed = true;
        _process.Dispose();
        if (_isGateway && PersonalData.FoundIn(Lines) is { Count: > 0 } leaks)
        {
            throw new Xunit.Sdk.XunitException($"the gateway logged personal data:\n{string.Join('\n', leaks.Take(5))}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
