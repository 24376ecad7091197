using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GateEdge.Benchmarks.Load;

/// <summary>A mosquitto of the run's own on a free loopback port (Debian's package), configured as for the system tests.</summary>
internal sealed class PrivateMosquitto : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-bench-mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public void Start()
    {
        var config = Path.Combine(_dir, "mosquitto.conf");
        File.WriteAllText(config, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            set_tcp_nodelay true
            user root
            max_queued_messages 2000000
            max_inflight_messages 0
            persistence false
            """);
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", $"-c {config}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Accepts(Port))
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
