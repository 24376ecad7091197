namespace GateEdge.SystemTests.Support;

/// <summary>
/// A private mosquitto broker on a free loopback port, configured as a test
/// broker must be (TCP_NODELAY on, no message-queue cap for slow subscribers). It persists
/// sessions to its folder, so it can be stopped and restarted like a real broker.
/// </summary>
internal sealed class Mosquitto : ITestBroker
{
    private readonly string _dir;
    private readonly string _config;
    private ChildProcess? _process;

    private Mosquitto(ChildProcess? process, string dir, string config, int port)
    {
        _process = process;
        _dir = dir;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public string ProtocolVersion => "V500";

    public static async Task<Mosquitto> StartAsync()
    {
        var broker = Prepare();
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>A broker with its port and folder chosen but not yet running; <paramref name="settings"/> adds to or replaces the defaults.</summary>
    public static Mosquitto Prepare(string settings = "allow_anonymous true")
    {
        int port = Loopback.FreePort();
        string dir = Directory.CreateTempSubdirectory("gateedge-mosquitto-").FullName;
        string config = MosquittoSetup.WriteConfig(dir, port, $"""
            {settings.Replace("{dir}", dir, StringComparison.Ordinal)}
            max_queued_messages 1000000
            persistence true
            persistence_location {dir}/
            log_dest stdout
            """);
        return new Mosquitto(null, dir, config, port);
    }

    public string Dir => _dir;

    /// <summary>Adds a user to the broker's password file in <paramref name="dir"/> (<c>password_file {dir}/passwords</c>), creating it for the first.</summary>
    public static async Task AddUserAsync(string dir, string user, string password)
    {
        var file = Path.Combine(dir, "passwords");
        using var process = System.Diagnostics.Process.Start("mosquitto_passwd", File.Exists(file) ? ["-b", file, user, password] : ["-c", "-b", file, user, password])!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd could not add {user} (exit {process.ExitCode})");
        }
    }

    /// <summary>Stops the broker as an operator would (SIGTERM: sessions are saved).</summary>
    public Task StopAsync() => _process!.StopAsync(TimeSpan.FromSeconds(10));

    /// <summary>Freezes the broker: connections stay open, nothing is answered, as a hung broker does.</summary>
    public void Freeze() => _process!.Freeze();

    public void Thaw() => _process!.Thaw();

    /// <summary>What the broker logged (to see it, start it with a <c>log_type</c> that says so).</summary>
    public ChildProcess Process => _process!;

    /// <summary>Starts the broker, or starts it again after <see cref="StopAsync"/>, on the same port.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = await LaunchAsync(_config, Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<ChildProcess> LaunchAsync(string config, int port)
    {
        var process = ChildProcess.Start(MosquittoSetup.Binary, "-c", config);
        try
        {
            await Eventually.True(() => Loopback.Accepts(port) || process.HasExited, $"mosquitto to listen on {port}", TimeSpan.FromSeconds(10));
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start:\n{process.Output}");
            }

            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
