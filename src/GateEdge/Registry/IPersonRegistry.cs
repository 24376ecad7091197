using GateEdge.Devices.CardReaders;
using GateEdge.Rules;

namespace GateEdge.Registry;

/// <summary>Who a credential belongs to, answered from local data so the gate works offline.</summary>
internal interface IPersonRegistry
{
    RegisteredPerson? Find(Credential credential);

    /// <summary>The person's quarantine and key-group entries; <see cref="PersonListings.None"/> when unlisted.</summary>
    PersonListings Listings(string personReference);
}
