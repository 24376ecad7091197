namespace GateEdge.Registry;

/// <summary>The exits a household made, for the household exit limit (R7); <see cref="HouseholdExitLog"/> keeps them across restarts.</summary>
internal interface IHouseholdExits
{
    int CountSince(string household, DateTimeOffset since);

    /// <summary>Records an exit and forgets those older than <paramref name="forgetBefore"/>, which no period can count any more.</summary>
    void Record(string household, DateTimeOffset at, DateTimeOffset forgetBefore);
}
