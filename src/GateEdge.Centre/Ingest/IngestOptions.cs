namespace GateEdge.Centre.Ingest;

/// <summary>One ingest worker's settings (docs/centre.md, "Running the ingest"); every worker of a district shares <see cref="Group"/>.</summary>
internal sealed record IngestOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    /// <summary>The CA that signed the broker's certificate; with it the connection uses TLS.</summary>
    public string? CaFile { get; init; }

    /// <summary>Unique per worker and kept across restarts: the broker holds the worker's unacknowledged messages under it.</summary>
    public required string ClientId { get; init; }

    /// <summary>The shared subscription's group: the broker hands each message to one worker of it.</summary>
    public string Group { get; init; } = "ingest";

    public string Root { get; init; } = "gateedge/v1";

    /// <summary>The most messages written in one transaction; each is acknowledged once that transaction commits.</summary>
    public int BatchSize { get; init; } = 5000;
}
