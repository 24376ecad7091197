using System.Text.Json.Serialization;
using GateEdge.Common.Clock;

namespace GateEdge.Events;

/// <summary>
/// The record of one attempt at a lane, as published (docs/mqtt.md, schema
/// <c>gateedge.passage/4</c>). It carries every field of docs/rules.md "What every record holds"
/// that the gateway knows; personal data only in masked form. <see cref="ReasonCodes"/> says what
/// <see cref="Reasons"/> says, as stable codes in the same order, for a centre that localises.
/// </summary>
internal sealed record PassageEvent(
    string Schema,
    string Id,
    long Seq,
    string Prev,
    DateTimeOffset Time,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClockReading Clock, // absent in a passage recorded before clocks were stamped, and in its purged copy
    string Compound,
    string Gate,
    string Gateway,
    string Lane,
    string Direction,
    string Mode,
    PassageEvent.CredentialPart Credential,
    PassageEvent.PersonPart Person,
    PassageEvent.TemperaturePart Temperature,
    PassageEvent.MaskPart Mask,
    string Outcome,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ReasonCodes,
    IReadOnlyList<string> Alarms,
    string? Guard,
    IReadOnlyDictionary<string, string> Devices)
{
    public const string SchemaId = "gateedge.passage/4";

    internal PassageEvent(EventHeader h, string direction, string mode, CredentialPart credential, PersonPart person, TemperaturePart temperature, MaskPart mask,
        string outcome, IReadOnlyList<string> rules, IReadOnlyList<string> reasons, IReadOnlyList<string> reasonCodes, IReadOnlyList<string> alarms, string? guard, IReadOnlyDictionary<string, string> devices)
        : this(SchemaId, h.Id, h.Seq, h.Prev, h.Time, h.Clock, h.Compound, h.Gate, h.Gateway, h.Lane, direction, mode, credential, person, temperature, mask,
            outcome, rules, reasons, reasonCodes, alarms, guard, devices)
    {
    }

    /// <param name="Sealed">The number sealed to the centre's key (<c>Privacy.IdentitySealingKeyFile</c>), which only the centre can open; else null.</param>
    /// <param name="Number">The clear number: only with <c>Privacy.PublishIdentitiesInClear</c>, otherwise absent.</param>
    internal sealed record CredentialPart(string Kind, string Masked, string? Sealed, string Device, DateTimeOffset ReadAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Number = null);

    /// <param name="FullName">The clear name: only with <c>Privacy.PublishIdentitiesInClear</c>, otherwise absent.</param>
    internal sealed record PersonPart(string? Ref, string Class, string? Name,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FullName = null);

    internal sealed record TemperaturePart(string Status, decimal? BodyC, decimal? ObjectC, decimal? AmbientC, string Device, DateTimeOffset? ReadAt);

    /// <summary>Mask status and its source; <c>not-checked</c> until a lane binds a mask source (R4).</summary>
    internal sealed record MaskPart(string Status, string? Source);
}
