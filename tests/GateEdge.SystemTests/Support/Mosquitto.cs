using System.Net;
using System.Net.Sockets;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// A private mosquitto broker on a free loopback port, configured as platform.md says a test
/// broker must be (TCP_NODELAY on, no message-queue cap for slow subscribers). It persists
/// sessions to its folder, so it can be stopped and restarted like a real broker.
/// </summary>
internal sealed class Mosquitto : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _config;
    private ChildProcess _process;

    private Mosquitto(ChildProcess process, string dir, string config, int port)
    {
        _process = process;
        _dir = dir;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public static async Task<Mosquitto> StartAsync()
    {
        int port = FreeLoopbackPort();
        string dir = Directory.CreateTempSubdirectory("gateedge-mosquitto-").FullName;
        string config = Path.Combine(dir, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            set_tcp_nodelay true
            max_queued_messages 1000000
            max_inflight_messages 100
            persistence true
            persistence_location {dir}/
            log_dest stdout
            """);
        return new Mosquitto(await LaunchAsync(config, port), dir, config, port);
    }

    /// <summary>Stops the broker as an operator would (SIGTERM: sessions are saved).</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(_config, Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<ChildProcess> LaunchAsync(string config, int port)
    {
        string binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: run the README's test command, which installs it");
        var process = ChildProcess.Start(binary, "-c", config);
        await Eventually.True(() => Accepts(port) || process.HasExited, $"mosquitto to listen on {port}", TimeSpan.FromSeconds(10));
        if (process.HasExited)
        {
            throw new InvalidOperationException($"mosquitto exited at start:\n{process.Output}");
        }

        return process;
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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
