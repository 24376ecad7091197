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
    private const int MaxHouseholdLength = 64;

    /// <param name="compound">This gateway's compound: the update must name it.</param>
    public static (PersonsVersion? Next, string? Id, string? Rejection) Apply(ReadOnlySpan<byte> payload, PersonsVersion current, DateTimeOffset now, string compound)
    {
        var (update, unreadable) = Trust.CentreMessage.Read(payload, ListUpdates.MaxPayloadBytes, PersonsUpdateJson.Default.PersonsUpdate, PersonsUpdate.SchemaId);
        if (update is null)
        {
            return (null, null, unreadable);
        }

        if (UpdateHeader.Problem(update.Compound, update.IssuedAt, LiveRegistry.PersonsName, compound, LiveRegistry.PersonsName) is { } header)
        {
            return (null, null, header);
        }

        var upsert = update.Upsert ?? [];
        var remove = update.Remove ?? [];
        if (Check(upsert, remove) is { } problem)
        {
            return (null, update.Id, problem);
        }

        var (kind, rejection) = UpdateVersioning.Decide(update.Mode, update.Version, update.BaseVersion, current.Version, remove.Count > 0);
        if (kind is UpdateKind.Snapshot or UpdateKind.Delta && UpdateVersioning.TooOld(LiveRegistry.PersonsName, update.IssuedAt, now) is { } tooOld)
        {
            return (null, update.Id, tooOld);
        }

        Dictionary<string, RegistryFile.Person> persons;
        switch (kind)
        {
            case UpdateKind.Unchanged:
                var at = UpdateVersioning.Reconfirmed(current.AppliedAt, update.IssuedAt, now);
                return (at == current.AppliedAt ? current : current with { AppliedAt = at }, update.Id, null);
            case UpdateKind.Snapshot:
                persons = new Dictionary<string, RegistryFile.Person>(StringComparer.Ordinal);
                break;
            case UpdateKind.Delta:
                persons = new Dictionary<string, RegistryFile.Person>(current.Persons, StringComparer.Ordinal);
                foreach (var reference in remove)
                {
                    persons.Remove(reference!);
                }

                break;
            default:
                return (null, update.Id, rejection);
        }

        foreach (var person in upsert.OfType<RegistryFile.Person>())
        {
            persons[person.Ref] = person;
        }

        return SharedCredential(persons.Values) is { } clash
            ? (null, update.Id, clash)
            : (new PersonsVersion(update.Version, UpdateVersioning.AppliedAt(update.IssuedAt, now), persons), update.Id, null);
    }

    /// <summary>Every entry, before anything is applied: one bad entry refuses the whole update.</summary>
    private static string? Check(IReadOnlyList<RegistryFile.Person?> upsert, IReadOnlyList<string?> remove)
    {
        for (int i = 0; i < upsert.Count; i++)
        {
            string at = $"upsert[{i}]";
            if (upsert[i] is not { } p)
            {
                return $"{at} is null";
            }

            if (string.IsNullOrWhiteSpace(p.Ref) || p.Ref.Length > MaxReferenceLength || p.Ref.Any(char.IsControl))
            {
                return $"{at}.ref is missing, longer than {MaxReferenceLength} or holds control characters";
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
                if (credential is null || !Enum.IsDefined(credential.Kind) || string.IsNullOrWhiteSpace(credential.Number) || credential.Number.Length > MaxNumberLength
                    || !credential.Number.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '/'))
                {
                    return $"{at}.credentials[{c}] needs a kind and a number of 1–{MaxNumberLength} letters, digits or '/'";
                }
            }

            if (p.ValidFrom is { } from && p.ValidTo is { } to && to <= from)
            {
                return $"{at}: validTo is not after validFrom";
            }

            if (p.Household is { } household && (household.Length is 0 or > MaxHouseholdLength || household.Any(char.IsControl)))
            {
                return $"{at}.household is empty, longer than {MaxHouseholdLength} or holds control characters";
            }
        }

        return remove.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > MaxReferenceLength)
            ? $"remove holds an empty reference or one longer than {MaxReferenceLength}"
            : null;
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
