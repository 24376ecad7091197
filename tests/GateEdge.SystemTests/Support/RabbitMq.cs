using System.Diagnostics;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// A private RabbitMQ node with its MQTT plugin (Debian's rabbitmq-server): a broker that
/// clusters, speaking MQTT 3.1.1. Every port is private.
/// </summary>
internal sealed class RabbitMq : ITestBroker
{
    private readonly string _dir;
    private readonly Dictionary<string, string> _environment;
    private readonly ChildProcess _process;

    private RabbitMq(string dir, Dictionary<string, string> environment, ChildProcess process, int port)
    {
        _dir = dir;
        _environment = environment;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ProtocolVersion => "V311";

    public static async Task<RabbitMq> StartAsync()
    {
        if (!File.Exists("/usr/sbin/rabbitmq-server"))
        {
            throw new InvalidOperationException("rabbitmq-server is not installed: run the README's test command, which installs it");
        }

        int mqtt = Loopback.FreePort();
        string dir = Directory.CreateTempSubdirectory("gateedge-rabbitmq-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        await File.WriteAllTextAsync(Path.Combine(dir, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Loopback.FreePort()}
            mqtt.listeners.tcp.default = 127.0.0.1:{mqtt}
            mqtt.allow_anonymous = true
            loopback_users = none
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_mqtt].\n");
        // Run as root, Debian's wrapper switches to the rabbitmq user, who must own the node's folders.
        Run("chown", $"-R rabbitmq:rabbitmq {dir}", []);
        Run("chmod", $"755 {dir}", []);

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_NODENAME"] = $"gateedge{mqtt}@localhost",
            ["RABBITMQ_DIST_PORT"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var broker = new RabbitMq(dir, environment, ChildProcess.Start("/usr/sbin/rabbitmq-server", environment), mqtt);
        try
        {
            // The MQTT port answers about ten seconds after start.
            await Eventually.True(() => Loopback.Accepts(mqtt) || broker._process.HasExited, $"RabbitMQ's MQTT listener on {mqtt}", TimeSpan.FromSeconds(60));
            if (broker._process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited at start:\n{broker._process.Output}");
            }

            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Run("rabbitmqctl", $"-n {_environment["RABBITMQ_NODENAME"]} stop", _environment);
        // rabbitmqctl leaves the node's epmd behind.
        Run("epmd", $"-port {_environment["ERL_EPMD_PORT"]} -kill", _environment);
        await _process.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static void Run(string file, string arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
    }
}
