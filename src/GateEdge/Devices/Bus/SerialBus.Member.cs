namespace GateEdge.Devices.Bus;

/// <summary>A device on the bus as the bus keeps it, and the arithmetic of when its next turn comes.</summary>
internal sealed partial class SerialBus<TFrame>
{
    /// <summary>
    /// The next poll of an answering device, on its own grid: one interval after this poll was due,
    /// so a turn that came late (another device's timeout held the line) is made up by the next one
    /// and the device keeps its rate. A device that just joined or answered after silence, or fell
    /// more than a poll behind, starts its grid afresh instead of catching up in a burst.
    /// </summary>
    private static long NextDue(Member member, long now, long interval) =>
        member.Due == 0 || member.Silent > 0 || member.Due + interval < now - interval ? now + interval : member.Due + interval;

    /// <summary>The wait after <paramref name="silent"/> unanswered polls in a row: doubling from the interval up to <see cref="SilentPollCap"/>.</summary>
    internal static TimeSpan SilentWait(TimeSpan interval, int silent)
    {
        var wait = interval * Math.Pow(2, Math.Min(silent, 16));
        return wait < SilentPollCap ? wait : SilentPollCap > interval ? SilentPollCap : interval;
    }

    /// <summary>A reader whose lane someone just came to is polled at once rather than at the end of its resting interval.</summary>
    private void PollQuickenedNow(TimeProvider time)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            foreach (var member in _members)
            {
                if (member.Silent == 0 && member.Due > now + Ticks(member.Device.Pace.Interval, time))
                {
                    member.Due = now;
                }
            }
        }
    }

    private static long Ticks(TimeSpan span, TimeProvider time) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Member(IBusMember<TFrame> device, DeviceLink link)
    {
        public IBusMember<TFrame> Device { get; } = device;

        public DeviceLink Link { get; } = link;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Detach { get; set; }

        public bool Started { get; set; }

        public int Silent { get; set; }

        /// <summary>When its next poll is due, on the line's clock; 0 (at once) for a device that just joined.</summary>
        public long Due { get; set; }
    }
}
