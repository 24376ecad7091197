namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>The decoded text block of an ID card. The photo is deliberately not kept.</summary>
internal sealed record IdCardIdentity(
    IdCardKind Kind,
    string Name,
    string Sex,
    string Nation,
    string BirthDate,
    string Address,
    string IdNumber,
    string IssuingAuthority,
    string ValidFrom,
    string ValidTo);
