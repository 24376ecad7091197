using System.ComponentModel.DataAnnotations;
using GateEdge.Common;

namespace GateEdge.Rules;

/// <summary>
/// The configurable parameters of the rule catalogue (docs/rules.md), bound from <c>Rules</c>.
/// Defaults are the policy's; each setting's bounds are declared beside it and held by the configuration schema.
/// </summary>
internal sealed class RulePolicy
{
    /// <summary>R3 fever line on the body value, °C. Default 37.3, bounds 37.0–38.5.</summary>
    [Range(37.0, 38.5)]
    public decimal FeverLineC { get; set; } = 37.3m;

    /// <summary>R3 lowest plausible body value, °C; below it a reading is invalid. Default 34.0.</summary>
    [Range(30, 36)]
    public decimal MinValidC { get; set; } = 34.0m;

    /// <summary>R3 highest plausible body value, °C; above it a reading is invalid. Default 42.5.</summary>
    [Range(40, 45)]
    public decimal MaxValidC { get; set; } = 42.5m;

    /// <summary>R3 pairing window between a card read and a reading, either order. Default 10 s, 1–60 s.</summary>
    [DurationRange("00:00:01", "00:01:00")]
    public TimeSpan PairingWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>R3 rest after a first fever reading before the retest counts. Default 60 s, 0–15 min.</summary>
    [DurationRange("00:00:00", "00:15:00")]
    public TimeSpan RetestRest { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>R3 invalid readings in a row that send the person to the guard. Default 3, 1–10.</summary>
    [Range(1, 10)]
    public int MaxInvalidReadings { get; set; } = 3;

    /// <summary>R1 the same credential read again within this time is one presentation. Default 3 s, 0–30 s.</summary>
    [DurationRange("00:00:00", "00:00:30")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>R1 unregistered national ID cards at an unattended lane. Default deny.</summary>
    public VisitorPolicy UnattendedVisitors { get; set; } = VisitorPolicy.Deny;

    /// <summary>
    /// R4 a mask must be worn, confirmed by the lane's mask detector (or by the guard at an attended
    /// lane). Default true, as the order says; false only where the order no longer asks for masks.
    /// </summary>
    public bool MaskRequired { get; set; } = true;

    /// <summary>R7 exits allowed per household within <see cref="HouseholdExitPeriod"/>; 0 (the default) switches R7 off. 0–20.</summary>
    [Range(0, 20)]
    public int HouseholdExits { get; set; }

    /// <summary>R7 the period the household exit limit counts over. Default 2 days, 1 h–30 days.</summary>
    [DurationRange("01:00:00", "30.00:00:00")]
    public TimeSpan HouseholdExitPeriod { get; set; } = TimeSpan.FromDays(2);

    /// <summary>At an attended lane, how long a referred attempt waits for the guard's key; then it expires, gate shut. Default 60 s, 5 s–10 min.</summary>
    [DurationRange("00:00:05", "00:10:00")]
    public TimeSpan GuardDecisionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// R3 after a confirmed fever (two readings at or above the line), how long the same person is
    /// held: an unattended lane denies them and an attended one refers them, whatever they read
    /// meanwhile, until the hold ends or a guard lets them through. Default 30 min, 5 min–24 h.
    /// </summary>
    [DurationRange("00:05:00", "1.00:00:00")]
    public TimeSpan FeverHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// R1 the most different cards one reader may present within <see cref="CardReadWindow"/>: a
    /// person needs seconds to present a card and be measured, so more is a forged or faulty
    /// line. Reads beyond it are counted, not decided, and raise a <c>read-flood</c> alarm. Default 10, 2–100.
    /// </summary>
    [Range(2, 100)]
    public int MaxCardsPerWindow { get; set; } = 10;

    /// <summary>The window <see cref="MaxCardsPerWindow"/> counts over. Default 20 s, 5 s–5 min.</summary>
    [DurationRange("00:00:05", "00:05:00")]
    public TimeSpan CardReadWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// R3 how many different people in a row a thermometer may read within
    /// <see cref="StuckThermometerSpreadC"/> of each other before it is judged stuck (hung, or its
    /// line forged) and its readings are no longer taken: a device fault, with its own alarm.
    /// Default 12, 3–100; 0: never judged.
    /// </summary>
    [Range(0, 100)]
    public int StuckThermometerAfter { get; set; } = 12;

    /// <summary>The band <see cref="StuckThermometerAfter"/> readings must all fall within. Default 0.05 °C, 0–0.5.</summary>
    [Range(0, 0.5)]
    public decimal StuckThermometerSpreadC { get; set; } = 0.05m;

    /// <summary>How long a person's unfinished retest flow is remembered. Default 30 min, 1 min–24 h.</summary>
    [DurationRange("00:01:00", "1.00:00:00")]
    public TimeSpan RetestMemory { get; set; } = TimeSpan.FromMinutes(30);
}
