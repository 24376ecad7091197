using System.Text.Json;
using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>
/// Validates a persons update against the version the gateway holds and computes the next version,
/// all or nothing: one bad entry, or a card claimed by two persons, refuses the whole update. Pure.
/// </summary>
internal static class PersonUpdates
{
    private const int MaxReferenceLength = 64;
    private const int MaxNumberLength = 32;
    private const int MaxCredentials = 16;

    public static (PersonsVersion? Next, string? Id, string? Rejection) Apply(ReadOnlySpan<byte> payload, PersonsVersion current, DateTimeOffset now)
    {
        if (payload.Length > ListUpdates.MaxPayloadBytes)
        {
            return (null, null, $"payload of {payload.Length} bytes exceeds {ListUpdates.MaxPayloadBytes}");
        }

        PersonsUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize(payload, PersonsUpdateJson.Default.PersonsUpdate);
        }
        catch (JsonException ex)
        {
            return (null, null, $"malformed JSON: {ex.Message}");
        }

        if (update is null || update.Schema != PersonsUpdate.SchemaId || string.IsNullOrWhiteSpace(update.Id))
        {
            return (null, update?.Id, $"schema must be {PersonsUpdate.SchemaId}, with an id");
        }

        var upsert = update.Upsert ?? [];
        var remove = update.Remove ?? [];
        if (Check(upsert, remove) is { } problem)
        {
            return (null, update.Id, problem);
        }

        var (kind, rejection) = UpdateVersioning.Decide(update.Mode, update.Version, update.BaseVersion, current.Version, remove.Count > 0);
        Dictionary<string, RegistryFile.Person> persons;
        switch (kind)
        {
            case UpdateKind.Unchanged:
                return (current, update.Id, null);
            case UpdateKind.Snapshot:
                persons = new Dictionary<string, RegistryFile.Person>(StringComparer.Ordinal);
                break;
            case UpdateKind.Delta:
                persons = new Dictionary<string, RegistryFile.Person>(current.Persons, StringComparer.Ordinal);
                foreach (var reference in remove)
                {
                    persons.Remove(reference);
                }

                break;
            default:
                return (null, update.Id, rejection);
        }

        foreach (var person in upsert)
        {
            persons[person.Ref] = person;
        }

        return SharedCredential(persons.Values) is { } clash
            ? (null, update.Id, clash)
            : (new PersonsVersion(update.Version, now, persons), update.Id, null);
    }

    private static string? Check(IReadOnlyList<RegistryFile.Person> upsert, IReadOnlyList<string> remove)
    {
        for (int i = 0; i < upsert.Count; i++)
        {
            var p = upsert[i];
            string at = $"upsert[{i}]";
            if (string.IsNullOrWhiteSpace(p.Ref) || p.Ref.Length > MaxReferenceLength)
            {
                return $"{at}.ref is missing or longer than {MaxReferenceLength}";
            }

            if (!Enum.IsDefined(p.Class) || p.Class == PersonClassification.Unknown)
            {
                return $"{at}.class must be Resident, Staff or Visitor";
            }

            if (p.Credentials is null || p.Credentials.Count is 0 or > MaxCredentials)
            {
                return $"{at}.credentials must hold 1–{MaxCredentials} cards";
            }

            for (int c = 0; c < p.Credentials.Count; c++)
            {
                var credential = p.Credentials[c];
                if (!Enum.IsDefined(credential.Kind) || string.IsNullOrWhiteSpace(credential.Number) || credential.Number.Length > MaxNumberLength
                    || !credential.Number.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '/'))
                {
                    return $"{at}.credentials[{c}] needs a kind and a number of 1–{MaxNumberLength} letters, digits or '/'";
                }
            }

            if (p.ValidFrom is { } from && p.ValidTo is { } to && to <= from)
            {
                return $"{at}: validTo is not after validFrom";
            }
        }

        return remove.Any(string.IsNullOrWhiteSpace) ? "remove holds an empty reference" : null;
    }

    /// <summary>A card that would open the gate for two persons is an error in the centre's data, not a choice to make here.</summary>
    private static string? SharedCredential(IEnumerable<RegistryFile.Person> persons)
    {
        var owners = new Dictionary<Credential, string>();
        foreach (var p in persons)
        {
            foreach (var c in p.Credentials)
            {
                var key = PersonIndex.Key(new Credential(c.Kind, c.Number));
                if (owners.TryGetValue(key, out var owner) && owner != p.Ref)
                {
                    return $"a {c.Kind} card of {p.Ref} already belongs to {owner}";
                }

                owners[key] = p.Ref;
            }
        }

        return null;
    }
}
