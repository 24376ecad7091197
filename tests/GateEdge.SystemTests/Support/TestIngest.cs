using System.Security.Cryptography;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// The reference centre against a test gate: a private PostgreSQL, the gateway's public key
/// enrolled, the test centre's signing key, and <c>gateedge-centre</c> workers and tools run as
/// their own processes, as a district runs them.
/// </summary>
internal sealed class TestIngest : IAsyncDisposable
{
    public const string Database = "centre";

    private readonly List<ChildProcess> _processes = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-centre-").FullName;
    private readonly int _brokerPort;

    private TestIngest(PrivatePostgres postgres, int brokerPort)
    {
        Postgres = postgres;
        _brokerPort = brokerPort;
        Directory.CreateDirectory(KeysFolder);
        File.WriteAllText(SigningKeyFile, TestCentre.PrivatePem);
    }

    public PrivatePostgres Postgres { get; }

    public string KeysFolder => Path.Combine(_dir, "keys");

    private string SigningKeyFile => Path.Combine(_dir, "centre.signing.key.pem");

    public string ConnectionString => Postgres.ConnectionString(Database);

    public static async Task<TestIngest> StartAsync(int brokerPort)
    {
        var postgres = await PrivatePostgres.StartAsync();
        await postgres.CreateDatabaseAsync(Database);
        return new TestIngest(postgres, brokerPort);
    }

    /// <summary>Enrols the gateway whose private key is in <paramref name="stateDirectory"/> (made at its first start), as <c>gateedge identity show</c> would give it.</summary>
    public void Enrol(string gateway, string stateDirectory)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(stateDirectory, "gateway.key.pem")));
        File.WriteAllText(Path.Combine(KeysFolder, $"{gateway}.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
    }

    public ChildProcess StartWorker(string clientId) => Started(ChildProcess.StartDotnet(RepoPaths.CentreDll, "ingest",
        "--broker", $"127.0.0.1:{_brokerPort}", "--client-id", clientId, "--keys", KeysFolder, "--signing-key", SigningKeyFile, "--key-id", TestCentre.KeyId,
        "--gap-grace", "3", "--database", ConnectionString));

    /// <summary>Runs a <c>gateedge-centre</c> tool (verify, query …) against the database; its exit code and what it printed.</summary>
    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await using var tool = ChildProcess.StartDotnet(RepoPaths.CentreDll, [.. args, "--database", ConnectionString]);
        int exit = await tool.ExitCodeAsync(TimeSpan.FromSeconds(60));
        return (exit, tool.Output);
    }

    public Task<string> SqlAsync(string sql) => Postgres.QueryAsync(Database, sql);

    private ChildProcess Started(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }
        }
        finally
        {
            // A cluster left running by a failed test would outlive the run.
            await Postgres.DisposeAsync();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
