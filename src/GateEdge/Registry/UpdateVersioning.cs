namespace GateEdge.Registry;

internal enum UpdateKind
{
    Rejected,

    /// <summary>The snapshot in force, again (a retained snapshot arrives on every reconnect).</summary>
    Unchanged,
    Snapshot,
    Delta,
}

/// <summary>
/// The one versioning discipline of everything the centre syncs: a snapshot replaces and must be
/// newer than the version in force; a delta applies to exactly that version and moves it forward.
/// </summary>
internal static class UpdateVersioning
{
    public static (UpdateKind Kind, string? Rejection) Decide(string? mode, long version, long? baseVersion, long current, bool hasRemovals) => mode switch
    {
        "snapshot" when version == current => (UpdateKind.Unchanged, null),
        "snapshot" when version < current => (UpdateKind.Rejected, $"snapshot version {version} is not newer than the version in force, {current}"),
        "snapshot" when hasRemovals => (UpdateKind.Rejected, "a snapshot lists entries only; remove belongs in a delta"),
        "snapshot" => (UpdateKind.Snapshot, null),
        "delta" when baseVersion != current || version <= current =>
            (UpdateKind.Rejected, $"delta from version {baseVersion} to {version} does not follow the version in force, {current}: send a snapshot"),
        "delta" => (UpdateKind.Delta, null),
        _ => (UpdateKind.Rejected, "mode must be snapshot or delta"),
    };

    /// <summary>
    /// When the version in force counts as confirmed after the centre republished it unchanged: at the
    /// republish's <c>issuedAt</c>, never later than now and never earlier than before, so a replay of
    /// an old copy refreshes nothing.
    /// </summary>
    public static DateTimeOffset Reconfirmed(DateTimeOffset appliedAt, string? issuedAt, DateTimeOffset now) =>
        DateTimeOffset.TryParse(issuedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var issued)
            ? new[] { appliedAt, issued < now ? issued : now }.Max()
            : appliedAt;
}
