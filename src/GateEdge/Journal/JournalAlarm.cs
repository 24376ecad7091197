namespace GateEdge.Journal;

/// <summary>Something the journal's upkeep found that the centre must hear of; the host records it as an alarm event.</summary>
/// <param name="Seq">The event it is about, if one.</param>
internal sealed record JournalAlarm(JournalAlarm.Kinds Kind, string Detail, long? Seq = null)
{
    internal enum Kinds
    {
        /// <summary>The journal holds its alarm share of its size cap.</summary>
        NearlyFull,

        /// <summary>A damaged row was erased whole by the personal-data purge.</summary>
        RowErased,
    }
}
