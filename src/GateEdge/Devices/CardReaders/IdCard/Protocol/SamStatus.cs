namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>SW3 codes of the ID-card SAM module (docs/protocols.md §1).</summary>
internal enum SamStatus : byte
{
    HostChecksumError = 0x10,
    HostLengthError = 0x11,
    UnknownCommand = 0x21,
    Unauthorised = 0x23,
    UnrecognisedError = 0x24,
    CardFailedToAuthenticateSam = 0x31,
    SamFailedToAuthenticateCard = 0x32,
    InformationCheckFailed = 0x33,
    UnknownCardType = 0x40,
    ReadFailed = 0x41,
    RandomNumberFailed = 0x47,
    SamSelfTestFailed = 0x60,
    SamNotAuthorised = 0x66,
    FindFailed = 0x80,
    SelectFailed = 0x81,
    Ok = 0x90,
    NoContent = 0x91,
    CardFound = 0x9F,
}
