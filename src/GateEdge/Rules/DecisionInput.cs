using GateEdge.Devices.CardReaders;

namespace GateEdge.Rules;

/// <summary>Everything one decision depends on; the rules read nothing else, not even the clock.</summary>
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
    DateTimeOffset Now);
