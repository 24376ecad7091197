using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Privacy;

namespace GateEdge.Lanes;

/// <summary>Builds the published record of an attempt; personal data leaves only masked, unless the deployment publishes identities in clear.</summary>
internal static class PassageEvents
{
    public static PassageEvent Create(LaneAttempt attempt, GatewayOptions gateway, IdentitySealer sealer, EventStamp stamp, bool identitiesInClear = false)
    {
        var decision = attempt.Decision;
        var reading = attempt.Reading;
        return new PassageEvent(
            PassageEvent.SchemaId,
            stamp.Id.ToString(),
            stamp.Seq,
            attempt.DecidedAt,
            gateway.CompoundId,
            gateway.GateId,
            gateway.Id,
            attempt.Lane.Id,
            Wire.Of(attempt.Lane.Direction),
            Wire.Of(attempt.Lane.Mode),
            new PassageEvent.CredentialPart(
                Wire.Of(attempt.Card.Credential.Kind),
                PersonalDataMask.Credential(attempt.Card.Credential),
                sealer.Seal(attempt.Card.Credential),
                attempt.Card.Device,
                attempt.Card.At,
                identitiesInClear ? attempt.Card.Credential.Number : null),
            new PassageEvent.PersonPart(attempt.Person?.Reference, Wire.Of(decision.PersonClass), PersonalDataMask.Name(attempt.Card.HolderName),
                identitiesInClear ? attempt.Card.HolderName : null),
            new PassageEvent.TemperaturePart(
                Wire.Of(decision.TemperatureStatus),
                reading?.BodyC,
                reading?.ObjectC,
                reading?.AmbientC,
                attempt.Lane.Thermometer,
                reading?.At),
            new PassageEvent.MaskPart(Wire.Of(attempt.Mask), attempt.Lane.MaskDetector),
            Wire.Of(decision.Outcome),
            decision.Rules,
            decision.Reasons,
            [.. decision.Alarms.Select(Wire.Of)],
            attempt.Guard,
            attempt.Devices.ToDictionary(d => d.Device, d => Wire.Of(d.State)));
    }
}
