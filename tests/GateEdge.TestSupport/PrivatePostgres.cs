using System.Diagnostics;

namespace GateEdge.TestSupport;

/// <summary>
/// A private PostgreSQL cluster (Debian's <c>postgresql</c>) in a temporary folder, listening on a
/// loopback port only, with trust authentication for the user <c>gateedge</c>: what the centre's tests
/// and benchmarks store into. As root, the server runs as the <c>postgres</c> user, since
/// <c>initdb</c> refuses to run as root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _bin;

    private PrivatePostgres(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=gateedge;Database={database};Pooling=true";

    public static async Task<PrivatePostgres> StartAsync()
    {
        string bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0).FirstOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: run the README's test command, which installs it");
        }

        string dir = Directory.CreateTempSubdirectory("gateedge-postgres-").FullName;
        int port = Loopback.FreePort();
        var cluster = new PrivatePostgres(dir, bin, port);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres", dir);
        }

        await cluster.AsServerAsync("initdb", "-D", $"{dir}/data", "-A", "trust", "-U", "gateedge", "--no-sync", "-E", "UTF8");
        await cluster.AsServerAsync("pg_ctl", "-D", $"{dir}/data", "-l", $"{dir}/log", "-w", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        return cluster;
    }

    public async Task CreateDatabaseAsync(string name) =>
        await AsServerAsync("psql", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "gateedge", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE \"{name}\"");

    /// <summary>Runs one SQL statement through psql and returns what it printed (unaligned, tuples only).</summary>
    public Task<string> QueryAsync(string database, string sql) =>
        AsServerAsync("psql", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "gateedge", "-d", database,
            "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsServerAsync("pg_ctl", "-D", $"{_dir}/data", "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task<string> AsServerAsync(string tool, params string[] args)
    {
        string path = File.Exists(Path.Combine(_bin, tool)) ? Path.Combine(_bin, tool) : tool;
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await errors}{await output}");
        }

        return (await output).TrimEnd('\n');
    }
}
