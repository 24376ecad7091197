using System.Threading.Channels;
using GateEdge.Evidence;
using GateEdge.Trust;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GateEdge.Journal;

/// <summary>
/// The append store: the one writer of events. Appends are group-committed by one loop (WAL,
/// synchronous=FULL), so an append completes only once its event survives a power cut. It owns the
/// sequence and the chain: each event gets the next number after the <c>chain</c> row (never
/// reused, even when the newest event is deleted), <c>prev</c> = the head's hash, and is signed with
/// the gateway's key; event, hash, signature and the new head are one transaction.
/// </summary>
internal sealed partial class JournalAppender : IAsyncDisposable
{
    private readonly Channel<Pending> _appends = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly GatewayKey _key;
    private readonly JournalHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Task _writeLoop;
    private readonly IssuedHead? _issued;
    private long _lastSeq;
    private byte[] _head;

    /// <param name="issued">Where each commit's head is also kept, outside the journal; none in tests of the store alone.</param>
    public JournalAppender(SqliteConnection writer, GatewayKey key, JournalHealth health, int maxBatch, TimeProvider time, ILogger logger, IssuedHead? issued = null)
    {
        _issued = issued;
        _writer = writer;
        _key = key;
        _health = health;
        _maxBatch = maxBatch;
        _time = time;
        _logger = logger;
        (_lastSeq, _head) = ReadHead(writer);
        health.WritingWhile(() => !_writeLoop!.IsCompleted);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Raised after each commit with the number of events it added; the publisher wakes on it.</summary>
    public event Action<int>? Committed;

    /// <summary>The last sequence number issued (kept in <c>chain</c>, so never lowered by deleting events).</summary>
    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>The gateway's key id, as every signature names it.</summary>
    public string KeyId => _key.KeyId;

    /// <summary>
    /// Stores one event and completes once it is durable. The body is built on the writer loop with
    /// the event's stamp, so it carries its own sequence, id and chain link.
    /// </summary>
    public Task<EventStamp> AppendAsync(AppendRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<EventStamp>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_appends.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new JournalWriteException("the journal is closed", new ObjectDisposedException(nameof(JournalAppender))));
        }

        return pending.Done.Task;
    }

    /// <summary>Stores one event that opens and settles nothing.</summary>
    public Task<EventStamp> AppendAsync(string kind, Func<EventStamp, byte[]> serialize) => AppendAsync(new AppendRequest(kind, serialize));

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writeLoop.ConfigureAwait(false);
    }

    /// <summary>
    /// The batch is in the journal; its head goes beside it before anyone acts on it. Should that
    /// write fail, the events stand (they are stored) and the next commit writes the head again.
    /// </summary>
    private void KeepIssuedHead(long seq, byte[] head)
    {
        try
        {
            _issued?.Write(seq, head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            LogIssuedHeadFailed(ex, seq);
        }
    }

    private static (long Seq, byte[] Head) ReadHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, head FROM chain WHERE one = 1";
        using var row = command.ExecuteReader();
        return row.Read() ? (row.GetInt64(0), (byte[])row[1]) : (0, new byte[EventChain.HashBytes]);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _appends.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _appends.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            int stored = Commit(batch);
            batch.Clear();
            if (stored > 0)
            {
                Committed?.Invoke(stored);
            }
        }
    }

    private int Commit(List<Pending> batch)
    {
        long seq = _lastSeq;
        byte[] head = _head;
        var stored = new List<(Pending Pending, EventStamp Stamp)>(batch.Count);
        try
        {
            using var transaction = _writer.BeginTransaction();
            using var statements = new AppendStatements(_writer, _time.GetUtcNow());
            foreach (var pending in batch)
            {
                var stamp = new EventStamp(seq + 1, Guid.CreateVersion7(_time.GetUtcNow()), EventChain.Hex(head));
                if (Serialized(pending, stamp) is not { } body)
                {
                    continue;
                }

                var hash = EventChain.Hash(body);
                statements.Insert(stamp, pending.Request, body, hash, _key.Sign(body));
                (seq, head) = (stamp.Seq, hash);
                stored.Add((pending, stamp));
            }

            statements.SetHead(seq, head);
            transaction.Commit();
        }
        catch (Exception ex)
        {
            _health.Failed(ex);
            LogCommitFailed(batch.Count, RecordingFault.Describe(ex));
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new JournalWriteException("the event could not be stored", ex));
            }

            return 0;
        }

        Interlocked.Exchange(ref _lastSeq, seq);
        _head = head;
        KeepIssuedHead(seq, head);
        _health.Succeeded();
        foreach (var (pending, stamp) in stored)
        {
            pending.Done.TrySetResult(stamp);
        }

        return stored.Count;
    }

    /// <summary>
    /// The caller's bytes for the event; a caller whose event cannot be built fails alone (its gate
    /// stays shut, R2) without taking the sequence number, the batch or the journal's health with it.
    /// </summary>
    private byte[]? Serialized(Pending pending, EventStamp stamp)
    {
        try
        {
            return pending.Request.Serialize(stamp);
        }
        catch (Exception ex)
        {
            LogNotBuilt(ex, pending.Request.Kind);
            pending.Done.TrySetException(new JournalWriteException("the event could not be built", ex));
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} event could not be built; it is not recorded and its gate stays closed (R2)")]
    private partial void LogNotBuilt(Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The journal's head up to event {Seq} could not be kept beside the journal; the events are stored, and the next commit tries again")]
    private partial void LogIssuedHeadFailed(Exception exception, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal commit of {Count} events failed ({Problem}); their gates stay closed (R2)")]
    private partial void LogCommitFailed(int count, string problem);

    private sealed record Pending(AppendRequest Request, TaskCompletionSource<EventStamp> Done);
}
