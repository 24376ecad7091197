using System.Diagnostics;

namespace GateEdge.Devices.Linux;

/// <summary>
/// The clock of one I/O thread that waits in <c>poll()</c> (a tty's read loop): its timers fire on
/// that thread, when the loop's <c>poll()</c> times out at the earliest of them. A device's poll
/// interval and reply timeout then wake only the thread that reads the reply, where .NET's timers
/// would wake the timer thread and a thread-pool worker for each (docs/architecture.md, "Serial
/// ports"). Time itself is the system's: <see cref="TimeProvider.GetUtcNow"/> and
/// <see cref="TimeProvider.GetTimestamp"/> are not overridden.
/// Timers may be armed from any thread; one armed from another thread wakes the loop so it waits
/// no longer than the new timer. Once the loop has ended (<see cref="Close"/>), timers still armed
/// and timers armed later run on the system's timer queue: a wait never outlives its thread silently.
/// </summary>
internal sealed class LoopClock(Action wakeLoop) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<LoopTimer> _armed = [];
    private Thread? _loop;
    private bool _closed;

    /// <summary>The thread that runs <see cref="FireDue"/>; timers armed on it need no wake-up.</summary>
    public void RunOn(Thread loop) => _loop = loop;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LoopTimer(this, callback, state);
        Change(timer, dueTime, period);
        return timer;
    }

    /// <summary>How long the loop may wait for input before the earliest timer is due: -1 with none armed.</summary>
    public int MillisecondsToNext()
    {
        long next = long.MaxValue;
        lock (_gate)
        {
            foreach (var timer in _armed)
            {
                next = Math.Min(next, timer.DueAt);
            }
        }

        if (next == long.MaxValue)
        {
            return -1;
        }

        long ticks = next - Stopwatch.GetTimestamp();
        // Rounded up: poll() returning a little early would only spin the loop once more.
        return ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency));
    }

    /// <summary>Runs the callback of every timer that is due, on the calling (loop) thread.</summary>
    public void FireDue()
    {
        long now = Stopwatch.GetTimestamp();
        List<LoopTimer>? due = null;
        lock (_gate)
        {
            for (int i = _armed.Count - 1; i >= 0; i--)
            {
                var timer = _armed[i];
                if (timer.DueAt <= now)
                {
                    (due ??= []).Add(timer);
                    if (timer.Period > 0)
                    {
                        timer.DueAt = now + timer.Period;
                    }
                    else
                    {
                        _armed.RemoveAt(i);
                    }
                }
            }
        }

        // Outside the lock: a callback arms and disarms timers (a delay completes, the next one starts).
        if (due is not null)
        {
            foreach (var timer in due)
            {
                // One fired just before may have disposed another (a reply's timeout after its poll delay).
                if (!Volatile.Read(ref timer.Disposed))
                {
                    timer.Callback(timer.State);
                }
            }
        }
    }

    /// <summary>The loop has ended: what is still armed, and whatever is armed later, runs on the system's timers.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var timer in _armed)
            {
                timer.Fallback = System.CreateTimer(timer.Callback, timer.State, ToTimeSpan(Math.Max(0, timer.DueAt - Stopwatch.GetTimestamp())),
                    timer.Period == 0 ? Timeout.InfiniteTimeSpan : ToTimeSpan(timer.Period));
            }

            _armed.Clear();
        }
    }

    private bool Change(LoopTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool wake;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            if (timer.Fallback is not null)
            {
                return timer.Fallback.Change(dueTime, period);
            }

            if (_closed)
            {
                timer.Fallback = System.CreateTimer(timer.Callback, timer.State, dueTime, period);
                return true;
            }

            _armed.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.DueAt = Stopwatch.GetTimestamp() + ToTicks(dueTime);
            timer.Period = period == Timeout.InfiniteTimeSpan ? 0 : ToTicks(period);
            _armed.Add(timer);
            wake = Thread.CurrentThread != _loop;
        }

        if (wake)
        {
            wakeLoop();
        }

        return true;
    }

    private void Dispose(LoopTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            timer.Fallback?.Dispose();
            _armed.Remove(timer);
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));

    private static TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);

    /// <summary>A timer's state, read and written under the clock's lock.</summary>
    private sealed class LoopTimer(LoopClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback => callback;

        public object? State => state;

        /// <summary>When it is due, in <see cref="Stopwatch"/> ticks.</summary>
        public long DueAt { get; set; }

        /// <summary>Its period in <see cref="Stopwatch"/> ticks; 0 for a one-shot timer.</summary>
        public long Period { get; set; }

        public bool Disposed;

        /// <summary>The system timer it became when the clock closed.</summary>
        public ITimer? Fallback { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Change(this, dueTime, period);

        public void Dispose() => clock.Dispose(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
