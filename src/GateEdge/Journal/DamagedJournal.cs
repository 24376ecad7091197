using Microsoft.Data.Sqlite;

namespace GateEdge.Journal;

/// <summary>
/// A journal file SQLite cannot use (what a worn SD card or a power cut on a bad file system
/// leaves: not a database, or failing its integrity check), found at start and moved aside whole,
/// with its write-ahead log, for forensics; never deleted. The gateway then starts a new journal
/// that continues above the last number the old one issued (<see cref="IssuedHead"/>).
/// </summary>
/// <param name="KeptAt">Where the damaged file now is.</param>
/// <param name="Problem">What SQLite found wrong with it.</param>
internal sealed record DamagedJournal(string KeptAt, string Problem)
{
    // SQLite's result codes for a file that is not a database or is corrupt (sqlite.org/rescode.html).
    private const int NotADatabase = 26;
    private const int Corrupt = 11;

    /// <summary>How long the integrity check after an unclean stop may take; a bigger journal is opened unchecked rather than hold the gates.</summary>
    public static readonly TimeSpan CheckBudget = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Checks the journal at <paramref name="path"/> and moves it aside when SQLite cannot use it;
    /// null when it is sound, absent, or too big to check within <see cref="CheckBudget"/>. Every
    /// start reads the file's schema (a file that is no database fails there); only a start after
    /// an unclean stop (a write-ahead log left behind: a power cut, a kill) runs the integrity
    /// check, so an ordinary start of a large journal does not wait for it. A file
    /// that cannot be read for another reason (permissions, a read-only folder) is left alone: the
    /// start fails on it with that reason, as it should.
    /// </summary>
    public static DamagedJournal? SetAsideIfDamaged(string path, DateTimeOffset now)
    {
        if (!File.Exists(path) || ProblemWith(path) is not { } problem)
        {
            return null;
        }

        string keptAt = $"{path}.damaged-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        foreach (var suffix in new[] { "-wal", "-shm", "" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, keptAt + suffix);
            }
        }

        Common.DurableFile.FlushDirectoryOf(path);
        return new DamagedJournal(keptAt, problem);
    }

    private static string? ProblemWith(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            bool unclean = File.Exists(path + "-wal");
            command.CommandText = unclean ? "PRAGMA quick_check(1)" : "PRAGMA schema_version";
            using var budget = new CancellationTokenSource(CheckBudget);
            // Disposing the registration waits for a running interrupt, so it never meets a closed connection.
            using var interrupt = budget.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
            var result = command.ExecuteScalar();
            return !unclean || result is "ok" ? null : $"integrity check: {result}";
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase or Corrupt)
        {
            return ex.Message;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            return null;
        }
    }
}
