namespace GateEdge.Registry;

/// <summary>
/// The time a list entry's <c>validTo</c> and a visitor's pass are judged by. The wall clock can be
/// stepped (a spoofed NTP server on the LAN, a box without a battery-backed clock): forward it would
/// end a quarantine early, back it would stretch a pass. So this clock is the wall clock as it stood
/// when last trusted, carried forward by the monotonic clock; it follows the wall clock while the two
/// agree within <paramref name="tolerance"/> (ordinary corrections), and takes a step only once the
/// centre confirms the new time, by a signed message issued within the tolerance of it. Until then a
/// step changes nothing about who is admitted. Trusted at start: a box whose clock is wrong before
/// the gateway starts is the technician's to set.
/// </summary>
internal sealed class ValidityClock(TimeProvider time, TimeSpan tolerance)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _trusted = time.GetUtcNow();
    private long _trustedAt = time.GetTimestamp();
    private DateTimeOffset _newestConfirmation = DateTimeOffset.MinValue;

    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                var wall = time.GetUtcNow();
                var carried = _trusted + time.GetElapsedTime(_trustedAt);
                if ((wall - carried).Duration() > tolerance)
                {
                    return carried;
                }

                (_trusted, _trustedAt) = (wall, time.GetTimestamp());
                return wall;
            }
        }
    }

    /// <summary>
    /// A signed message from the centre issued at <paramref name="issuedAt"/> was accepted: if the wall
    /// clock agrees with it, the wall clock is trusted again. Only a message newer than every one that
    /// confirmed before counts, so a captured old copy replayed with the clock set back to its time
    /// confirms nothing.
    /// </summary>
    public void Confirm(DateTimeOffset issuedAt)
    {
        lock (_lock)
        {
            var wall = time.GetUtcNow();
            if (issuedAt > _newestConfirmation && (wall - issuedAt).Duration() <= tolerance)
            {
                (_trusted, _trustedAt, _newestConfirmation) = (wall, time.GetTimestamp(), issuedAt);
            }
        }
    }
}
