using System.Text.Json;
using GateEdge.Events;

namespace GateEdge.Privacy;

/// <summary>
/// What is left of a stored passage once its personal data has been kept long enough
/// (<see cref="PrivacyOptions.PersonalDataRetention"/>): when, where, the temperature, the
/// outcome, the rules and the person's class, but not who: number, name, keyed hash and
/// registry reference all go.
/// </summary>
internal static class PassageRedaction
{
    /// <summary>Stands in for the masked number: still a mask, so the event keeps its schema.</summary>
    public const string PurgedMask = "********";

    public static byte[] Redact(byte[] stored)
    {
        var passage = JsonSerializer.Deserialize(stored, EventJson.Default.PassageEvent)
            ?? throw new JsonException("a stored passage is empty");
        return JsonSerializer.SerializeToUtf8Bytes(passage with
        {
            Credential = passage.Credential with { Masked = PurgedMask, Sealed = null, Number = null },
            Person = passage.Person with { Ref = null, Name = null, FullName = null },
        }, EventJson.Default.PassageEvent);
    }
}
