using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Rules;

namespace GateEdge.Events;

/// <summary>
/// The words published for each enum. Spelled out here, not derived from C# names, so that
/// renaming code never changes the contract in docs/mqtt.md.
/// </summary>
internal static class Wire
{
    public static string Of(Outcome value) => value switch
    {
        Outcome.Allow => "allow",
        Outcome.Deny => "deny",
        Outcome.Retest => "retest",
        Outcome.Refer => "refer",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(Direction value) => value == Direction.In ? "in" : "out";

    public static string Of(LaneMode value) => value == LaneMode.Attended ? "attended" : "unattended";

    public static string Of(CredentialKind value) => value switch
    {
        CredentialKind.NationalId => "national-id",
        CredentialKind.ForeignPermanentResident => "foreign-permanent-resident",
        CredentialKind.CompoundCard => "compound-card",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(PersonClassification value) => value switch
    {
        PersonClassification.Resident => "resident",
        PersonClassification.Staff => "staff",
        PersonClassification.Visitor => "visitor",
        _ => "unknown",
    };

    public static string Of(TemperatureStatus value) => value switch
    {
        TemperatureStatus.Normal => "normal",
        TemperatureStatus.Fever => "fever",
        TemperatureStatus.Invalid => "invalid",
        TemperatureStatus.Missing => "missing",
        TemperatureStatus.DeviceUnavailable => "device-unavailable",
        TemperatureStatus.Resting => "resting",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(AlarmKind value) => value switch
    {
        AlarmKind.Fever => "fever",
        AlarmKind.DeviceUnavailable => "device-unavailable",
        AlarmKind.Quarantine => "quarantine",
        AlarmKind.KeyGroup => "key-group",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Of(MaskStatus value) => value switch
    {
        MaskStatus.Worn => "worn",
        MaskStatus.NotWorn => "not-worn",
        MaskStatus.DeviceUnavailable => "device-unavailable",
        _ => "not-checked",
    };

    public static string Of(DeviceState value) => value switch
    {
        DeviceState.Online => "online",
        DeviceState.Degraded => "degraded",
        DeviceState.Offline => "offline",
        _ => "unknown",
    };

    /// <summary>A guard's key on a referred attempt, or none in time.</summary>
    public static string Of(GuardVerdict value) => value switch
    {
        GuardVerdict.Allow => "allow",
        GuardVerdict.Deny => "deny",
        GuardVerdict.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The reason codes published in <c>reasonCodes</c> (docs/mqtt.md); never change one, add a new one.</summary>
    public static string Of(ReasonCode value) => value switch
    {
        ReasonCode.Registered => "registered",
        ReasonCode.RegistrationNotValid => "registration-not-valid",
        ReasonCode.UnknownCompoundCard => "unknown-compound-card",
        ReasonCode.VisitorGuardDecides => "visitor-guard-decides",
        ReasonCode.VisitorAdmitted => "visitor-admitted",
        ReasonCode.VisitorNotAdmitted => "visitor-not-admitted",
        ReasonCode.TemperatureNormal => "temperature-normal",
        ReasonCode.FeverRetest => "fever-retest",
        ReasonCode.Fever => "fever",
        ReasonCode.FeverHold => "fever-hold",
        ReasonCode.RestBeforeRetest => "rest-before-retest",
        ReasonCode.NoReading => "no-reading",
        ReasonCode.ReadingOutOfRange => "reading-out-of-range",
        ReasonCode.InvalidReadingsRepeated => "invalid-readings-repeated",
        ReasonCode.ThermometerUnavailable => "thermometer-unavailable",
        ReasonCode.MaskWorn => "mask-worn",
        ReasonCode.MaskNotWorn => "mask-not-worn",
        ReasonCode.MaskNotChecked => "mask-not-checked",
        ReasonCode.MaskDetectorUnavailable => "mask-detector-unavailable",
        ReasonCode.QuarantineNoExit => "quarantine-no-exit",
        ReasonCode.QuarantineEntering => "quarantine-entering",
        ReasonCode.KeyGroupWatch => "key-group-watch",
        ReasonCode.HouseholdExitCounted => "household-exit-counted",
        ReasonCode.HouseholdExitLimit => "household-exit-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string GuardDuty(bool signOn) => signOn ? "sign-on" : "sign-off";

    /// <summary>A command's result: carried out.</summary>
    public const string Done = "done";

    /// <summary>A command's result: refused, with the reason beside it.</summary>
    public const string Rejected = "rejected";
}
