using GateEdge.Devices.CardReaders;

namespace GateEdge.Rules;

/// <summary>
/// Everything one decision depends on; the rules read nothing else, not even the clock.
/// <see cref="HouseholdExitsInPeriod"/>: exits the person's household already made within the R7 period.
/// <see cref="FeverHoldLeft"/>: what is left of the hold a confirmed fever put on this person (zero: none).
/// </summary>
internal sealed record DecisionInput(
    LaneMode Mode,
    Direction Direction,
    CredentialKind CredentialKind,
    RegisteredPerson? Person,
    PersonListings Listings,
    TemperatureSource TemperatureSource,
    decimal? BodyTemperatureC,
    TemperatureFlow Flow,
    MaskStatus Mask,
    DateTimeOffset Now,
    int HouseholdExitsInPeriod = 0,
    TimeSpan FeverHoldLeft = default);
