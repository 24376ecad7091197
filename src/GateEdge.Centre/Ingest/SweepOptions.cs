namespace GateEdge.Centre.Ingest;

/// <summary>How the ingest follows each gateway's chain behind the writers.</summary>
internal sealed record SweepOptions
{
    /// <summary>How often the stored record is walked forward: each walk is a transaction per gateway, so seldom enough to leave the workers' CPU to storing (every second cost 15 % of the drain rate).</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a gap may stand before it is asked for: events of one gateway reach the workers out of
    /// order, and while the workers work through a backlog every gateway shows gaps that fill by themselves.
    /// </summary>
    public TimeSpan GapGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most gaps asked for in one sweep, so a centre coming back to a thousand gateways does not flood them.</summary>
    public int MaxRequestsPerSweep { get; init; } = 100;

    /// <summary>The first wait before a gap is asked for again; it doubles up to <see cref="MaxRetryEvery"/>.</summary>
    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The most events asked for at once; a larger gap is asked for in turns.</summary>
    public long MaxRepublish { get; init; } = 10_000;
}
