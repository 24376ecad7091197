namespace GateEdge.Journal;

/// <summary>Bound from <c>Journal</c>.</summary>
internal sealed class JournalOptions
{
    /// <summary>SQLite file of the event journal; relative paths are under the gateway's state directory.</summary>
    public string Path { get; set; } = "journal.db";

    /// <summary>Most events committed in one transaction (group commit). Default 512.</summary>
    public int MaxBatch { get; set; } = 512;
}
