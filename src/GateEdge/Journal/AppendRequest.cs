namespace GateEdge.Journal;

/// <summary>
/// One event to journal: its kind (<c>passage</c>, <c>actuation</c>, …; the publisher chooses the
/// topic from it), how to build its body once its stamp is known, and its place in "record, then
/// actuate": <see cref="Opens"/> for an event that opens a gate (it waits in <c>openings</c> for its
/// actuation record), <see cref="Closes"/> for the actuation record that settles one.
/// </summary>
internal sealed record AppendRequest(string Kind, Func<EventStamp, byte[]> Serialize, Opening? Opens = null, long? Closes = null);

/// <summary>A recorded opening still to be carried out at <paramref name="Lane"/>; <paramref name="Cause"/> is the event's kind.</summary>
internal sealed record Opening(string Lane, string Cause);

/// <summary>An opening recorded without an actuation record: the gateway stopped before the relay was commanded.</summary>
internal sealed record PendingOpening(long Seq, string Id, string Lane, string Cause);
