using GateEdge.Registry;

namespace GateEdge.Tests.Support;

/// <summary>Household exits in memory, for lane tests about the lane and not about what survives a restart.</summary>
internal sealed class MemoryHouseholdExits : IHouseholdExits
{
    private readonly List<(string Household, DateTimeOffset At)> _exits = [];

    public int CountSince(string household, DateTimeOffset since) => _exits.Count(e => e.Household == household && e.At >= since);

    public void Record(string household, DateTimeOffset at, DateTimeOffset forgetBefore)
    {
        _exits.Add((household, at));
        _exits.RemoveAll(e => e.At < forgetBefore);
    }
}
