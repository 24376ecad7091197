using Microsoft.Extensions.Logging;

namespace GateEdge.Journal;

/// <summary>
/// Whether the journal can record right now. Appends and delivery marks report each commit here;
/// health, the watchdog, the status topic and the status page all ask it, so a full disk is never
/// mistaken for a quiet gate.
/// </summary>
internal sealed partial class JournalHealth(TimeProvider time, ILogger logger)
{
    private readonly ILogger _logger = logger;
    private RecordingFault? _fault;
    private Func<bool> _writing = () => true;

    /// <summary>Raised when commits start failing or succeed again.</summary>
    public event Action? FaultChanged;

    /// <summary>Why the last commit failed, or null when it succeeded (or none was tried yet).</summary>
    public RecordingFault? Fault => Volatile.Read(ref _fault);

    /// <summary>False once the writer loop has ended: nothing more can be recorded.</summary>
    public bool IsWriting => _writing();

    /// <summary>The health question: can an attempt be recorded now?</summary>
    public bool CanRecord => IsWriting && Fault is null;

    internal void WritingWhile(Func<bool> writing) => _writing = writing;

    public void Failed(Exception ex)
    {
        if (Fault is not null)
        {
            return;
        }

        var fault = new RecordingFault(RecordingFault.Describe(ex), time.GetUtcNow(), time.GetTimestamp());
        Volatile.Write(ref _fault, fault);
        LogRecordingImpossible(ex, fault.Problem);
        FaultChanged?.Invoke();
    }

    public void Succeeded()
    {
        if (Interlocked.Exchange(ref _fault, null) is { } ended)
        {
            LogRecordingWorks(Math.Round(time.GetElapsedTime(ended.SinceTimestamp).TotalSeconds, 1));
            FaultChanged?.Invoke();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot record attempts: {Problem}. Gates stay closed (R2) until the state folder can be written again")]
    private partial void LogRecordingImpossible(Exception exception, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The journal records again after {Seconds} s")]
    private partial void LogRecordingWorks(double seconds);
}
