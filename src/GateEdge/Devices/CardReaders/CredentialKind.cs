namespace GateEdge.Devices.CardReaders;

internal enum CredentialKind
{
    /// <summary>Resident identity card read through a SAM reader.</summary>
    NationalId,

    /// <summary>Foreign permanent-resident card read through a SAM reader.</summary>
    ForeignPermanentResident,

    /// <summary>Compound card (IC card or badge) identified by its UID or Wiegand number.</summary>
    CompoundCard,
}
