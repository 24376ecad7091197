using GateEdge.Common;
using GateEdge.Trust;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static GateEdge.Journal.Sql;

namespace GateEdge.Journal;

/// <summary>
/// The journal file and its parts: the append store (<see cref="Appender"/>: sequence, chain,
/// signatures), delivery (<see cref="Outbox"/>), upkeep (<see cref="Housekeeping"/>),
/// checkpoints and health. Each user takes the part it needs. Opening the file also says what it
/// finds wrong with it: events missing below the chain's head, and openings never carried out.
/// </summary>
internal sealed partial class EventJournal : IAsyncDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SharedConnection _shared;
    private readonly IssuedHead _issued;
    private readonly ILogger _logger;

    /// <param name="maxSizeBytes">Most bytes the journal's database may take (0: as much as the disk has).</param>
    /// <param name="setAsideDamaged">Check the file first and move it aside when SQLite cannot use it (the gateway does; tests of the store alone need not).</param>
    public EventJournal(string path, int maxBatch, TimeProvider time, ILogger<EventJournal> logger, GatewayKey key, long maxSizeBytes = 0, bool setAsideDamaged = false)
    {
        _logger = logger;
        Damaged = setAsideDamaged ? DamagedJournal.SetAsideIfDamaged(path, time.GetUtcNow()) : null;
        if (Damaged is { } damaged)
        {
            LogSetAside(path, damaged.Problem, damaged.KeptAt);
        }

        // The journal holds personal data (masked, but still about residents).
        PrivateFile.Create(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _writer = Open(connectionString);
        JournalSchema.CreateOrUpgrade(_writer);
        var shared = Open(connectionString);
        // Delivered marks need not survive a power cut: a lost mark only means the event is sent
        // again, with its id, which consumers deduplicate. Appends keep synchronous = FULL.
        Execute(shared, "PRAGMA synchronous = NORMAL;");
        _shared = new SharedConnection(shared);
        _issued = IssuedHead.Open(IssuedHead.PathFor(path));
        RaiseChainTo(_writer, _issued.Last);
        Missing = MissingBelowHead(_writer);
        PendingOpenings = ReadPendingOpenings(_writer);
        LimitSize(maxSizeBytes);

        Health = new JournalHealth(time, logger);
        Appender = new JournalAppender(_writer, key, Health, maxBatch, time, logger, _issued);
        Outbox = new Outbox(_shared, Appender, Health);
        Housekeeping = new JournalHousekeeping(_shared);
        Checkpoints = new JournalCheckpoints(_shared);
        if (Missing is { } missing)
        {
            LogMissingBelowHead(missing.First, missing.Last, missing.Last - missing.First + 1);
        }
    }

    public JournalAppender Appender { get; }

    public Outbox Outbox { get; }

    public JournalHealth Health { get; }

    public JournalHousekeeping Housekeeping { get; }

    public JournalCheckpoints Checkpoints { get; }

    /// <summary>
    /// Events the chain says were issued that the file no longer holds at its end (the newest rows
    /// deleted, or a restored older copy): null when none. Their numbers are never issued again.
    /// </summary>
    public (long First, long Last)? Missing { get; }

    /// <summary>The journal found unusable at start and moved aside; this one is new. Null when the file was sound.</summary>
    public DamagedJournal? Damaged { get; }

    /// <summary>The most bytes the database may take (0: no cap).</summary>
    public long MaxSizeBytes { get; private set; }

    /// <summary>Openings recorded before the last stop that have no actuation record: the gate never opened for them.</summary>
    public IReadOnlyList<PendingOpening> PendingOpenings { get; }

    public async ValueTask DisposeAsync()
    {
        await Appender.DisposeAsync().ConfigureAwait(false);
        _writer.Dispose();
        _shared.Dispose();
        _issued.Dispose();
    }

    /// <summary>
    /// Caps the database at <paramref name="maxBytes"/> (0: no cap); past it, commits fail as on a
    /// full disk. Called before the writer loop has work (at start, or by tests between appends).
    /// </summary>
    internal void LimitSize(long maxBytes)
    {
        long pageSize = Scalar(_writer, "PRAGMA page_size");
        long pages = maxBytes <= 0 ? int.MaxValue : Math.Max(1, maxBytes / pageSize);
        MaxSizeBytes = maxBytes <= 0 ? 0 : pages * pageSize;
        Scalar(_writer, $"PRAGMA max_page_count = {pages}");
        _shared.Use(c => Scalar(c, $"PRAGMA max_page_count = {pages}"));
    }

    /// <summary>
    /// A journal behind the head recorded beside it (its write-ahead log lost, an older copy put
    /// back, a new file in place of a damaged one) continues from that head: its numbers are
    /// never issued again, and <see cref="Missing"/> names them.
    /// </summary>
    private static void RaiseChainTo(SqliteConnection connection, (long Seq, byte[] Head)? issued)
    {
        if (issued is not { } head || head.Seq <= Scalar(connection, "SELECT COALESCE(MAX(seq), 0) FROM chain"))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = AppendStatements.SetHeadSql;
        command.Parameters.AddWithValue("$seq", head.Seq);
        command.Parameters.AddWithValue("$head", head.Head);
        command.ExecuteNonQuery();
    }

    private static (long First, long Last)? MissingBelowHead(SqliteConnection connection)
    {
        long head = Scalar(connection, "SELECT COALESCE(MAX(seq), 0) FROM chain");
        long newest = Scalar(connection, "SELECT COALESCE(MAX(seq), 0) FROM events");
        return head > newest ? (newest + 1, head) : null;
    }

    private static List<PendingOpening> ReadPendingOpenings(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, id, lane, cause FROM openings ORDER BY seq";
        using var rows = command.ExecuteReader();
        var openings = new List<PendingOpening>();
        while (rows.Read())
        {
            openings.Add(new PendingOpening(rows.GetInt64(0), rows.GetString(1), rows.GetString(2), rows.GetString(3)));
        }

        return openings;
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL lets the publisher read while lanes append; FULL makes each commit survive power loss.
        // What is deleted or purged is zeroed, so personal data is not left in free pages.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;");
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The journal {Path} cannot be used ({Problem}); it is kept at {KeptAt} and a new journal continues the sequence. The centre is told with an alarm event")]
    private partial void LogSetAside(string path, string problem, string keptAt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The journal is behind its own chain: events {First}–{Last} ({Count}) were issued and are no longer in the file (deleted or an older copy restored). Their numbers are not issued again; the centre is told with an alarm event")]
    private partial void LogMissingBelowHead(long first, long last, long count);
}
