using GateEdge.Rules;

namespace GateEdge.Prompts;

/// <summary>
/// What to tell the person about a decision, from its outcome and its deciding reason codes alone
/// (pure: no I/O, no clock). The first deciding verdict speaks, in the rules' order: who you are,
/// then your temperature, your mask, the lists, the exit limit. The lists are never named: a lane
/// is public, so a quarantined person hears "contact the staff" like anyone else the rules stop.
/// </summary>
internal static class PromptChooser
{
    public static LanePrompt For(Decision decision, LaneMode mode)
    {
        if (decision.Outcome == Outcome.Allow)
        {
            return new LanePrompt(PromptId.Pass);
        }

        if (decision.Outcome == Outcome.Refer && mode == LaneMode.Attended)
        {
            return new LanePrompt(PromptId.WaitForGuard);
        }

        var first = decision.Verdicts.First(v => v.Outcome == decision.Outcome);
        return first.Code switch
        {
            ReasonCode.FeverRetest => new LanePrompt(PromptId.FeverRest, first.RestSeconds),
            ReasonCode.RestBeforeRetest => new LanePrompt(PromptId.RestMore, first.RestSeconds),
            ReasonCode.NoReading or ReasonCode.ReadingOutOfRange => new LanePrompt(PromptId.MeasureAgain),
            ReasonCode.InvalidReadingsRepeated => new LanePrompt(PromptId.MeasurementFailed),
            ReasonCode.Fever => new LanePrompt(PromptId.FeverSeeStaff),
            ReasonCode.FeverHold => new LanePrompt(PromptId.FeverHeld),
            ReasonCode.MaskNotWorn => new LanePrompt(PromptId.WearMask),
            ReasonCode.UnknownCompoundCard => new LanePrompt(PromptId.UnknownCard),
            ReasonCode.RegistrationNotValid => new LanePrompt(PromptId.RegistrationNotValid),
            ReasonCode.VisitorNotAdmitted => new LanePrompt(PromptId.VisitorSeeStaff),
            ReasonCode.HouseholdExitLimit => new LanePrompt(PromptId.ExitLimitReached),
            ReasonCode.ThermometerUnavailable or ReasonCode.MaskDetectorUnavailable => new LanePrompt(PromptId.DeviceFault),
            _ => new LanePrompt(PromptId.ContactStaff),
        };
    }
}
