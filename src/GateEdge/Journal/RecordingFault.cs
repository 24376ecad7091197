using Microsoft.Data.Sqlite;

namespace GateEdge.Journal;

/// <summary>
/// Why the journal cannot commit right now, in words a technician acts on, and since when (wall
/// time for people, a monotonic timestamp for the watchdog's grace).
/// </summary>
internal sealed record RecordingFault(string Problem, DateTimeOffset Since, long SinceTimestamp)
{
    // SQLite's primary result codes (sqlite.org/rescode.html).
    private const int SqliteIoError = 10;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    public static string Describe(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: SqliteFull } => "the disk is full",
        SqliteException { SqliteErrorCode: SqliteReadOnly } => "the state folder is read-only",
        SqliteException { SqliteErrorCode: SqliteCannotOpen } => "the journal file cannot be opened",
        SqliteException { SqliteErrorCode: SqliteIoError } => "the disk reports I/O errors",
        IOException { HResult: 28 or unchecked((int)0x80070070) } => "the disk is full",
        _ => ex.Message,
    };
}
