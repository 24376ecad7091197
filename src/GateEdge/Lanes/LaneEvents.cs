using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Privacy;

namespace GateEdge.Lanes;

/// <summary>
/// Builds each kind of event a lane records, in one place each: the passage of an attempt, a
/// guard's sign-on or sign-off, a guard's decision on a referred attempt. Personal data leaves
/// only masked (or sealed to the centre), unless the deployment publishes identities in clear.
/// </summary>
internal sealed class LaneEvents(EventHeaders headers, IdentitySealer sealer, PrivacyOptions privacy)
{
    public PassageEvent Passage(LaneAttempt attempt, EventStamp stamp)
    {
        var decision = attempt.Decision;
        var reading = attempt.Reading;
        var card = attempt.Card;
        bool inClear = privacy.PublishIdentitiesInClear;
        return new PassageEvent(
            headers.For(stamp, attempt.DecidedAt, attempt.Lane.Id),
            Wire.Of(attempt.Lane.Direction),
            Wire.Of(attempt.Lane.Mode),
            new PassageEvent.CredentialPart(Wire.Of(card.Credential.Kind), PersonalDataMask.Credential(card.Credential), sealer.Seal(card.Credential),
                card.Device, card.At, inClear ? card.Credential.Number : null),
            new PassageEvent.PersonPart(attempt.Person?.Reference, Wire.Of(decision.PersonClass), PersonalDataMask.Name(card.HolderName),
                inClear ? card.HolderName : null),
            new PassageEvent.TemperaturePart(Wire.Of(decision.TemperatureStatus), reading?.BodyC, reading?.ObjectC, reading?.AmbientC,
                attempt.Lane.Thermometer, reading?.At),
            new PassageEvent.MaskPart(Wire.Of(attempt.Mask), attempt.Lane.MaskDetector),
            Wire.Of(decision.Outcome),
            decision.Rules,
            decision.Reasons,
            [.. decision.Codes.Select(Wire.Of)],
            [.. decision.Alarms.Select(Wire.Of)],
            attempt.Guard,
            attempt.Devices.ToDictionary(d => d.Device, d => Wire.Of(d.State)));
    }

    public GuardDutyEvent GuardDuty(GuardDutyChange change, EventStamp stamp) =>
        new(headers.For(stamp, change.At, change.Lane.Id), change.Guard, Wire.GuardDuty(change.SignOn), change.Previous);

    public OverrideEvent Override(GuardOverride decision, EventStamp stamp) =>
        new(headers.For(stamp, decision.At, decision.Lane.Id), decision.Passage.Id.ToString(), decision.Passage.Seq, decision.Guard,
            Wire.Of(decision.Verdict), decision.Reason);
}
