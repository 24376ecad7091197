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

    /// <summary>How long a list counts as current after the centre issued it: the quarantine list an hour, the persons and other lists a day.</summary>
    public static TimeSpan FreshFor(string list) => list == ListName.Quarantine ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>
    /// Why a new version issued at <paramref name="issuedAt"/> is refused as too old to be current, or
    /// null. A copy the centre issued longer ago than the list stays fresh says nothing about today: it
    /// is a superseded version replayed (to a new gateway, which has nothing newer to compare it
    /// with), or a centre that stopped republishing; either way it is not applied.
    /// </summary>
    public static string? TooOld(string list, string? issuedAt, DateTimeOffset now)
    {
        var fresh = FreshFor(list);
        return Issued(issuedAt) is { } issued && now - issued > fresh
            ? $"issued at {issued:O}, longer ago than the {fresh.TotalHours:0} h a {list} list stays current: a superseded copy, or the centre has not republished it"
            : null;
    }

    /// <summary>When a new version counts as confirmed: when the centre issued it, never later than now.</summary>
    public static DateTimeOffset AppliedAt(string? issuedAt, DateTimeOffset now) => Issued(issuedAt) is { } issued && issued < now ? issued : now;

    private static DateTimeOffset? Issued(string? issuedAt) =>
        DateTimeOffset.TryParse(issuedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var issued) ? issued : null;

    /// <summary>
    /// When the version in force counts as confirmed after the centre republished it unchanged: at the
    /// republish's <c>issuedAt</c>, never later than now and never earlier than before, so a replay of
    /// an old copy refreshes nothing.
    /// </summary>
    public static DateTimeOffset Reconfirmed(DateTimeOffset appliedAt, string? issuedAt, DateTimeOffset now) =>
        Issued(issuedAt) is not null && AppliedAt(issuedAt, now) is var at && at > appliedAt ? at : appliedAt;
}
