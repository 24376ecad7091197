using System.Globalization;
using GateEdge.Devices.CardReaders;

namespace GateEdge.Rules;

/// <summary>
/// The rule catalogue of docs/rules.md as one pure function: no I/O, no clock, no state of its own.
/// Each rule gives a verdict; the most restrictive verdict is the outcome.
/// </summary>
internal static class EntryRules
{
    public static Decision Decide(DecisionInput input, RulePolicy policy)
    {
        var (identity, personClass) = Identity(input, policy);
        var (temperature, status, flow, alarm) = Temperature(input, policy);
        var verdicts = new List<RuleVerdict>(5) { identity, temperature };
        var alarms = new List<AlarmKind>(2);
        if (alarm is { } a)
        {
            alarms.Add(a);
        }

        if (policy.MaskRequired)
        {
            verdicts.Add(Mask(input, alarms));
        }

        Lists(input, verdicts, alarms);
        if (ExitLimit(input, policy) is { } exitLimit)
        {
            verdicts.Add(exitLimit);
        }

        var outcome = verdicts.Max(v => v.Outcome);
        var deciding = verdicts.Where(v => v.Outcome == outcome).ToArray();
        return new Decision(
            outcome,
            [.. deciding.Select(v => v.Rule)],
            [.. deciding.Select(v => v.Reason)],
            [.. deciding.Select(v => v.Code)],
            alarms,
            verdicts,
            personClass,
            status,
            flow);
    }

    /// <summary>
    /// R5 and R6 speak only for a person who is listed, so an unlisted person's decision names
    /// neither. A listed person's decision names the list, with its reason, even when it does not
    /// change the outcome: that is what the alert is for.
    /// </summary>
    private static void Lists(DecisionInput input, List<RuleVerdict> verdicts, List<AlarmKind> alarms)
    {
        if (input.Listings.Quarantine is { } quarantine && quarantine.IsInForceAt(input.Now))
        {
            verdicts.Add(input.Direction == Direction.Out
                ? Verdict(RuleIds.Quarantine, Outcome.Deny, ReasonCode.QuarantineNoExit, $"on the quarantine list ({quarantine.Reason}): may not leave")
                : Verdict(RuleIds.Quarantine, Outcome.Allow, ReasonCode.QuarantineEntering, $"on the quarantine list ({quarantine.Reason}): entering, community staff alerted"));
            alarms.Add(AlarmKind.Quarantine);
        }

        if (input.Listings.KeyGroup is { } keyGroup && keyGroup.IsInForceAt(input.Now))
        {
            verdicts.Add(Verdict(RuleIds.KeyGroup, Outcome.Allow, ReasonCode.KeyGroupWatch, $"key-group watch ({keyGroup.Reason}): community staff alerted"));
            alarms.Add(AlarmKind.KeyGroup);
        }
    }

    /// <summary>R4: worn passes; not worn is refused; a detector that is down is never a pass; with no detector the guard confirms.</summary>
    private static RuleVerdict Mask(DecisionInput input, List<AlarmKind> alarms)
    {
        switch (input.Mask)
        {
            case MaskStatus.Worn:
                return Verdict(RuleIds.Mask, Outcome.Allow, ReasonCode.MaskWorn, "mask worn");
            case MaskStatus.NotWorn:
                return Verdict(RuleIds.Mask, Outcome.Deny, ReasonCode.MaskNotWorn, "no mask seen: wear a mask");
            case MaskStatus.DeviceUnavailable:
                if (!alarms.Contains(AlarmKind.DeviceUnavailable))
                {
                    alarms.Add(AlarmKind.DeviceUnavailable);
                }

                return Verdict(RuleIds.Mask, input.Mode == LaneMode.Attended ? Outcome.Refer : Outcome.Deny, ReasonCode.MaskDetectorUnavailable, "device unavailable: mask detector");
            default:
                // Only an attended lane may run without a detector (the configuration refuses it elsewhere).
                return Verdict(RuleIds.Mask, input.Mode == LaneMode.Attended ? Outcome.Refer : Outcome.Deny, ReasonCode.MaskNotChecked, "mask not checked: the guard confirms it");
        }
    }

    /// <summary>R7, when switched on: it counts exits of a registered household only; entering is never limited.</summary>
    private static RuleVerdict? ExitLimit(DecisionInput input, RulePolicy policy)
    {
        if (policy.HouseholdExits == 0 || input.Direction != Direction.Out || input.Person?.Household is null)
        {
            return null;
        }

        string period = policy.HouseholdExitPeriod.TotalDays >= 1 ? $"{policy.HouseholdExitPeriod.TotalDays:0.#} days" : $"{policy.HouseholdExitPeriod.TotalHours:0.#} h";
        if (input.HouseholdExitsInPeriod < policy.HouseholdExits)
        {
            return Verdict(RuleIds.ExitLimit, Outcome.Allow, ReasonCode.HouseholdExitCounted, $"household exit {input.HouseholdExitsInPeriod + 1} of {policy.HouseholdExits} in {period}");
        }

        return Verdict(RuleIds.ExitLimit, input.Mode == LaneMode.Attended ? Outcome.Refer : Outcome.Deny, ReasonCode.HouseholdExitLimit,
            $"household exit limit reached: {policy.HouseholdExits} in {period}");
    }

    private static (RuleVerdict, PersonClassification) Identity(DecisionInput input, RulePolicy policy)
    {
        if (input.Person is { } person)
        {
            return person.IsValidAt(input.Now)
                ? (Verdict(RuleIds.Identity, Outcome.Allow, ReasonCode.Registered, $"registered {Word(person.Class)}"), person.Class)
                : (Verdict(RuleIds.Identity, Outcome.Deny, ReasonCode.RegistrationNotValid, $"{Word(person.Class)} registration is not valid at this time"), person.Class);
        }

        if (input.CredentialKind == CredentialKind.CompoundCard)
        {
            return (Verdict(RuleIds.Identity, Outcome.Deny, ReasonCode.UnknownCompoundCard, "unknown compound card"), PersonClassification.Unknown);
        }

        // An unregistered national ID card is a visitor (docs/rules.md, R1).
        var verdict = input.Mode == LaneMode.Attended
            ? Verdict(RuleIds.Identity, Outcome.Refer, ReasonCode.VisitorGuardDecides, "visitor: unregistered ID card, guard decides")
            : policy.UnattendedVisitors == VisitorPolicy.Admit
                ? Verdict(RuleIds.Identity, Outcome.Allow, ReasonCode.VisitorAdmitted, "visitor admitted by the visitor policy")
                : Verdict(RuleIds.Identity, Outcome.Deny, ReasonCode.VisitorNotAdmitted, "visitor: unregistered ID card, not admitted at an unattended lane");
        return (verdict, PersonClassification.Visitor);
    }

    private static (RuleVerdict, TemperatureStatus, TemperatureFlow, AlarmKind?) Temperature(DecisionInput input, RulePolicy policy)
    {
        var measured = Measured(input, policy);
        if (input.FeverHoldLeft <= TimeSpan.Zero)
        {
            return measured;
        }

        // A confirmed fever holds: a cooled forehead or a second try is not a new measurement of the
        // same person. What they read now is still recorded; the centre had its alarm with the fever.
        var (_, status, _, alarm) = measured;
        var minutes = Math.Ceiling(input.FeverHoldLeft.TotalMinutes);
        var held = input.Mode == LaneMode.Attended
            ? Verdict(RuleIds.Temperature, Outcome.Refer, ReasonCode.FeverHold, $"fever confirmed within the last {policy.FeverHold.TotalMinutes:0} min ({minutes:0} min of the hold left): clinical check by the guard")
            : Verdict(RuleIds.Temperature, Outcome.Deny, ReasonCode.FeverHold, $"fever confirmed within the last {policy.FeverHold.TotalMinutes:0} min ({minutes:0} min of the hold left): see the duty staff");
        return (held, status, TemperatureFlow.Fresh, alarm == AlarmKind.DeviceUnavailable ? alarm : null);
    }

    /// <summary>R3 on this attempt's reading alone: the retest flow, the line, the plausible range.</summary>
    private static (RuleVerdict, TemperatureStatus, TemperatureFlow, AlarmKind?) Measured(DecisionInput input, RulePolicy policy)
    {
        var flow = input.Flow;
        if (flow.RetestDueAt is { } due && input.Now < due)
        {
            var wait = Math.Ceiling((due - input.Now).TotalSeconds);
            return (Verdict(RuleIds.Temperature, Outcome.Retest, ReasonCode.RestBeforeRetest, $"rest {wait:0} s more before the retest", (int)wait), TemperatureStatus.Resting, flow, null);
        }

        if (input.TemperatureSource == TemperatureSource.DeviceUnavailable)
        {
            // A thermometer that is down is never a pass (docs/rules.md, R3).
            var outcome = input.Mode == LaneMode.Attended ? Outcome.Refer : Outcome.Deny;
            return (Verdict(RuleIds.Temperature, outcome, ReasonCode.ThermometerUnavailable, "device unavailable: thermometer"), TemperatureStatus.DeviceUnavailable, flow, AlarmKind.DeviceUnavailable);
        }

        if (input.TemperatureSource == TemperatureSource.NoReading || input.BodyTemperatureC is not { } body)
        {
            return Invalid(flow, policy, ReasonCode.NoReading, "no temperature reading within the pairing window", TemperatureStatus.Missing);
        }

        if (body < policy.MinValidC || body > policy.MaxValidC)
        {
            return Invalid(flow, policy, ReasonCode.ReadingOutOfRange, $"reading {C(body)} is outside {C(policy.MinValidC)}–{C(policy.MaxValidC)}: measure again", TemperatureStatus.Invalid);
        }

        if (body < policy.FeverLineC)
        {
            return (Verdict(RuleIds.Temperature, Outcome.Allow, ReasonCode.TemperatureNormal, $"{C(body)} is below {C(policy.FeverLineC)}"), TemperatureStatus.Normal, TemperatureFlow.Fresh, null);
        }

        if (flow.FeverReadings == 0)
        {
            var next = new TemperatureFlow(1, 0, input.Now + policy.RetestRest);
            return (Verdict(RuleIds.Temperature, Outcome.Retest, ReasonCode.FeverRetest, $"{C(body)} is at or above {C(policy.FeverLineC)}: rest {policy.RetestRest.TotalSeconds:0} s and retest", (int)policy.RetestRest.TotalSeconds), TemperatureStatus.Fever, next, null);
        }

        var second = input.Mode == LaneMode.Attended
            ? Verdict(RuleIds.Temperature, Outcome.Refer, ReasonCode.Fever, $"second reading {C(body)} is at or above {C(policy.FeverLineC)}: clinical check by the guard")
            : Verdict(RuleIds.Temperature, Outcome.Deny, ReasonCode.Fever, $"second reading {C(body)} is at or above {C(policy.FeverLineC)}: fever");
        return (second, TemperatureStatus.Fever, TemperatureFlow.Fresh, AlarmKind.Fever);
    }

    private static (RuleVerdict, TemperatureStatus, TemperatureFlow, AlarmKind?) Invalid(TemperatureFlow flow, RulePolicy policy, ReasonCode code, string reason, TemperatureStatus status)
    {
        int invalid = flow.InvalidReadings + 1;
        if (invalid >= policy.MaxInvalidReadings)
        {
            return (Verdict(RuleIds.Temperature, Outcome.Refer, ReasonCode.InvalidReadingsRepeated, $"{invalid} invalid readings in a row: {reason}"), status, flow with { InvalidReadings = 0 }, null);
        }

        return (Verdict(RuleIds.Temperature, Outcome.Retest, code, reason), status, flow with { InvalidReadings = invalid }, null);
    }

    private static RuleVerdict Verdict(string rule, Outcome outcome, ReasonCode code, string reason, int? restSeconds = null) => new(rule, outcome, code, reason, restSeconds);

    private static string C(decimal value) => value.ToString("0.0#", CultureInfo.InvariantCulture) + " °C";

    private static string Word(PersonClassification c) => c.ToString().ToLowerInvariant();
}
