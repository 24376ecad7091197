using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>
/// Validates a list update against the version the gateway holds and computes the next version,
/// all or nothing. Pure: the caller stores and swaps the result.
/// </summary>
internal static class ListUpdates
{
    /// <summary>Largest signed body of a list or persons update: a snapshot of about 100,000 persons.</summary>
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    private const int MaxReferenceLength = 64;
    private const int MaxReasonLength = 200;

    /// <param name="compound">This gateway's compound, and <paramref name="list"/> the list the update came for: it must name both.</param>
    public static (ListVersion? Next, string? Id, string? Rejection) Apply(ReadOnlySpan<byte> payload, ListVersion current, DateTimeOffset now, string compound, string list)
    {
        var (update, unreadable) = Trust.CentreMessage.Read(payload, MaxPayloadBytes, ListUpdateJson.Default.ListUpdate, ListUpdate.SchemaId);
        if (update is null)
        {
            return (null, null, unreadable);
        }

        if (UpdateHeader.Problem(update.Compound, update.IssuedAt, update.List, compound, list) is { } header)
        {
            return (null, null, header);
        }

        var upsert = update.Upsert ?? [];
        var remove = update.Remove ?? [];
        var problem = Check(upsert, remove);
        if (problem is not null)
        {
            return (null, update.Id, problem);
        }

        var (kind, rejection) = UpdateVersioning.Decide(update.Mode, update.Version, update.BaseVersion, current.Version, remove.Count > 0);
        if (kind is UpdateKind.Snapshot or UpdateKind.Delta && UpdateVersioning.TooOld(list, update.IssuedAt, now) is { } tooOld)
        {
            return (null, update.Id, tooOld);
        }

        var appliedAt = UpdateVersioning.AppliedAt(update.IssuedAt, now);
        return kind switch
        {
            UpdateKind.Unchanged => (Reconfirmed(current, update.IssuedAt, now), update.Id, null),
            UpdateKind.Snapshot => (new ListVersion(update.Version, appliedAt, Entries(upsert!, [])), update.Id, null),
            UpdateKind.Delta => (new ListVersion(update.Version, appliedAt, Entries(upsert!, remove!, current.Entries)), update.Id, null),
            _ => (null, update.Id, rejection),
        };
    }

    private static ListVersion Reconfirmed(ListVersion current, string? issuedAt, DateTimeOffset now) =>
        UpdateVersioning.Reconfirmed(current.AppliedAt, issuedAt, now) is var at && at == current.AppliedAt ? current : current with { AppliedAt = at };

    /// <summary>Every entry, before anything is applied: one bad entry refuses the whole update.</summary>
    private static string? Check(IReadOnlyList<RegistryFile.Listing?> upsert, IReadOnlyList<string?> remove)
    {
        for (int i = 0; i < upsert.Count; i++)
        {
            if (upsert[i] is not { } e)
            {
                return $"upsert[{i}] is null";
            }

            if (string.IsNullOrWhiteSpace(e.Ref) || e.Ref.Length > MaxReferenceLength || e.Ref.Any(char.IsControl))
            {
                return $"upsert[{i}].ref is missing, longer than {MaxReferenceLength} or holds control characters";
            }

            if (string.IsNullOrWhiteSpace(e.Reason) || e.Reason.Length > MaxReasonLength || e.Reason.Any(char.IsControl))
            {
                return $"upsert[{i}].reason is missing, longer than {MaxReasonLength} or holds control characters";
            }

            if (e.ValidFrom is { } from && e.ValidTo is { } to && to <= from)
            {
                return $"upsert[{i}]: validTo is not after validFrom";
            }
        }

        return remove.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > MaxReferenceLength)
            ? $"remove holds an empty reference or one longer than {MaxReferenceLength}"
            : null;
    }

    private static Dictionary<string, ListEntry> Entries(IReadOnlyList<RegistryFile.Listing?> upsert, IReadOnlyList<string?> remove, IReadOnlyDictionary<string, ListEntry>? baseEntries = null)
    {
        var entries = new Dictionary<string, ListEntry>(baseEntries ?? new Dictionary<string, ListEntry>(), StringComparer.Ordinal);
        foreach (var reference in remove)
        {
            entries.Remove(reference!);
        }

        foreach (var e in upsert.OfType<RegistryFile.Listing>())
        {
            entries[e.Ref] = new ListEntry(e.Reason, e.ValidFrom, e.ValidTo);
        }

        return entries;
    }
}
