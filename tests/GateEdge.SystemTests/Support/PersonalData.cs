using GateEdge.Simulator.Devices;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// The personal data the system tests put on cards, which no gateway log line may hold: the
/// residents' ID numbers and names, the address every simulated ID card carries, and the full
/// numbers of the compound cards presented.
/// </summary>
internal static class PersonalData
{
    private static readonly string[] Secrets =
    [
        .. TestGate.Residents.SelectMany(r => new[] { r.IdNumber, r.Name }),
        "保安甲", "陌生人",
        new SimPerson("", "").Address,
        .. CompoundCardLaneTests.CardNumbers,
    ];

    public static List<string> FoundIn(IEnumerable<string> lines) =>
        [.. lines.Where(line => Secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)))];
}
