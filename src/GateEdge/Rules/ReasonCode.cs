namespace GateEdge.Rules;

/// <summary>
/// Why a rule gave its verdict, as a stable code beside the reason text: the centre localises by
/// it and the lane chooses what to tell the person by it. Published as the words of
/// <c>Events.Wire</c>; docs/rules.md lists them per rule.
/// </summary>
internal enum ReasonCode
{
    // R1
    Registered,
    RegistrationNotValid,
    UnknownCompoundCard,
    VisitorGuardDecides,
    VisitorAdmitted,
    VisitorNotAdmitted,

    // R3
    TemperatureNormal,
    FeverRetest,
    Fever,
    FeverHold,
    RestBeforeRetest,
    NoReading,
    ReadingOutOfRange,
    InvalidReadingsRepeated,
    ThermometerUnavailable,

    // R4
    MaskWorn,
    MaskNotWorn,
    MaskNotChecked,
    MaskDetectorUnavailable,

    // R5, R6
    QuarantineNoExit,
    QuarantineEntering,
    KeyGroupWatch,

    // R7
    HouseholdExitCounted,
    HouseholdExitLimit,
}
