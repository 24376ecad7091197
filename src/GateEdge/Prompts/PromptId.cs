namespace GateEdge.Prompts;

/// <summary>
/// What a lane can tell the person in front of it. The ids are stable: the lane page, the logs
/// and docs/lane-prompts.md name prompts by them (<see cref="PromptTable.Id"/>).
/// </summary>
internal enum PromptId
{
    // States of the lane before it decides.
    Ready,
    StandAtThermometer,
    Measuring,

    // Decisions.
    Pass,
    FeverRest,
    RestMore,
    MeasureAgain,
    MeasurementFailed,
    FeverSeeStaff,
    FeverHeld,
    WearMask,
    UnknownCard,
    RegistrationNotValid,
    VisitorSeeStaff,
    ContactStaff,
    ExitLimitReached,
    DeviceFault,
    WaitForGuard,

    // The guard's key on a referred attempt.
    GuardAllowed,
    GuardRefused,
    GuardTimedOut,
}
