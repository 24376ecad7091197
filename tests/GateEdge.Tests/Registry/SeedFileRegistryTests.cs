using GateEdge.Devices.CardReaders;
using GateEdge.Registry;
using GateEdge.Rules;

namespace GateEdge.Tests.Registry;

public sealed class SeedFileRegistryTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void Loads_persons_credentials_and_lists_from_the_seed_file()
    {
        File.WriteAllText(_file, """
            // comments and trailing commas are tolerated
            {
              "persons": [
                { "ref": "R-1", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "11010519491231002x" } ] },
                { "ref": "S-1", "class": "Staff", "credentials": [ { "kind": "CompoundCard", "number": "14008EC793" } ] },
              ],
              "quarantine": [ { "ref": "R-1", "reason": "home quarantine", "validTo": "2026-12-12T00:00:00+08:00" } ],
              "keyGroup": [ { "ref": "R-1", "reason": "returned from abroad" } ]
            }
            """);

        var registry = SeedFileRegistry.Load(_file);

        Assert.Equal("R-1", registry.Find(new Credential(CredentialKind.NationalId, "11010519491231002X"))!.Reference);
        Assert.Equal(PersonClassification.Staff, registry.Find(new Credential(CredentialKind.CompoundCard, "14008ec793"))!.Class);
        Assert.Null(registry.Find(new Credential(CredentialKind.CompoundCard, "11010519491231002X")));
        var listings = registry.Listings("R-1");
        Assert.Equal(new ListEntry("home quarantine", null, new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.FromHours(8))), listings.Quarantine);
        Assert.Equal("returned from abroad", listings.KeyGroup!.Reason);
        Assert.Same(PersonListings.None, registry.Listings("S-1"));
    }

    public void Dispose() => File.Delete(_file);
}
