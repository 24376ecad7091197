namespace GateEdge.Simulator.Devices;

/// <summary>
/// A scripted person, what their ID card says, and the UID of their compound card if they have one.
/// <see cref="ForeignResident"/> makes the ID card a foreign permanent-resident card; <see cref="FingerprintBytes"/>
/// (0, 512 or 1024) is how much fingerprint data the card holds.
/// </summary>
internal sealed record SimPerson(
    string Name,
    string IdNumber,
    string Sex = "1",
    string Nation = "01",
    string BirthDate = "19800101",
    string Address = "湖北省武汉市江岸区模拟小区1栋",
    string IssuingAuthority = "武汉市公安局江岸分局",
    string ValidFrom = "20150101",
    string ValidTo = "20350101",
    string? CompoundCard = null,
    bool ForeignResident = false,
    int FingerprintBytes = 0);
