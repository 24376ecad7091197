namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

internal enum IdCardKind
{
    /// <summary>Resident identity card of the People's Republic of China.</summary>
    Resident,

    /// <summary>Foreign permanent-resident card: recognised and recorded, fields not decoded.</summary>
    ForeignPermanentResident,
}
