namespace GateEdge.Devices.CardReaders;

/// <summary>What a person presented: the kind of card and its identifying number.</summary>
internal readonly record struct Credential(CredentialKind Kind, string Number);
