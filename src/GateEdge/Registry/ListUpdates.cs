using System.Text.Json;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>
/// Validates a list update against the version the gateway holds and computes the next version,
/// all or nothing. Pure: the caller stores and swaps the result.
/// </summary>
internal static class ListUpdates
{
    public const int MaxPayloadBytes = 16 * 1024 * 1024;
    private const int MaxReferenceLength = 64;
    private const int MaxReasonLength = 200;

    public static (ListVersion? Next, string? Id, string? Rejection) Apply(ReadOnlySpan<byte> payload, ListVersion current, DateTimeOffset now)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return (null, null, $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}");
        }

        ListUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize(payload, ListUpdateJson.Default.ListUpdate);
        }
        catch (JsonException ex)
        {
            return (null, null, $"malformed JSON: {ex.Message}");
        }

        if (update is null || update.Schema != ListUpdate.SchemaId || string.IsNullOrWhiteSpace(update.Id))
        {
            return (null, update?.Id, $"schema must be {ListUpdate.SchemaId}, with an id");
        }

        var problem = Check(update.Upsert ?? [], update.Remove ?? []);
        if (problem is not null)
        {
            return (null, update.Id, problem);
        }

        var (kind, rejection) = UpdateVersioning.Decide(update.Mode, update.Version, update.BaseVersion, current.Version, (update.Remove ?? []).Count > 0);
        return kind switch
        {
            UpdateKind.Unchanged => (current, update.Id, null),
            UpdateKind.Snapshot => (new ListVersion(update.Version, now, Entries(update.Upsert ?? [], [])), update.Id, null),
            UpdateKind.Delta => (new ListVersion(update.Version, now, Entries(update.Upsert ?? [], update.Remove ?? [], current.Entries)), update.Id, null),
            _ => (null, update.Id, rejection),
        };
    }

    private static string? Check(IReadOnlyList<RegistryFile.Listing> upsert, IReadOnlyList<string> remove)
    {
        for (int i = 0; i < upsert.Count; i++)
        {
            var e = upsert[i];
            if (string.IsNullOrWhiteSpace(e.Ref) || e.Ref.Length > MaxReferenceLength)
            {
                return $"upsert[{i}].ref is missing or longer than {MaxReferenceLength}";
            }

            if (string.IsNullOrWhiteSpace(e.Reason) || e.Reason.Length > MaxReasonLength)
            {
                return $"upsert[{i}].reason is missing or longer than {MaxReasonLength}";
            }

            if (e.ValidFrom is { } from && e.ValidTo is { } to && to <= from)
            {
                return $"upsert[{i}]: validTo is not after validFrom";
            }
        }

        return remove.Any(string.IsNullOrWhiteSpace) ? "remove holds an empty reference" : null;
    }

    private static Dictionary<string, ListEntry> Entries(IReadOnlyList<RegistryFile.Listing> upsert, IReadOnlyList<string> remove, IReadOnlyDictionary<string, ListEntry>? baseEntries = null)
    {
        var entries = new Dictionary<string, ListEntry>(baseEntries ?? new Dictionary<string, ListEntry>(), StringComparer.Ordinal);
        foreach (var reference in remove)
        {
            entries.Remove(reference);
        }

        foreach (var e in upsert)
        {
            entries[e.Ref] = new ListEntry(e.Reason, e.ValidFrom, e.ValidTo);
        }

        return entries;
    }
}
