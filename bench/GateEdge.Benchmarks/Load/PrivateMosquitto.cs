using System.Diagnostics;

namespace GateEdge.Benchmarks.Load;

/// <summary>A mosquitto of the run's own on a free loopback port (Debian's package), configured as for the system tests.</summary>
internal sealed class PrivateMosquitto : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-bench-mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = Loopback.FreePort();

    public void Start()
    {
        var config = MosquittoSetup.WriteConfig(_dir, Port, """
            allow_anonymous true
            max_queued_messages 2000000
            max_inflight_messages 0
            persistence false
            """);
        _process = Process.Start(new ProcessStartInfo(MosquittoSetup.Binary, $"-c {config}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Loopback.Accepts(Port))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException("mosquitto did not start: install it with `apt-get install mosquitto`");
            }

            Thread.Sleep(20);
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_dir, recursive: true);
    }
}
