using System.Buffers.Binary;

namespace GateEdge.Devices.CardReaders.Osdp.Protocol;

/// <summary>
/// The data of an osdp_PDID reply (code 45), the answer to osdp_ID: the vendor's IEEE OUI (3 bytes,
/// least significant first), model, version, serial number (4 bytes, least significant first) and
/// firmware major, minor and build. Another of these at the same address is another reader, or the
/// same reader flashed with other firmware.
/// </summary>
internal sealed record OsdpReaderIdentity(int VendorCode, byte Model, byte Version, uint SerialNumber, byte FirmwareMajor, byte FirmwareMinor, byte FirmwareBuild)
{
    private const int Length = 12;

    public static OsdpReaderIdentity? TryParse(ReadOnlySpan<byte> data) =>
        data.Length != Length ? null : new OsdpReaderIdentity(
            data[0] | data[1] << 8 | data[2] << 16, data[3], data[4], BinaryPrimitives.ReadUInt32LittleEndian(data[5..]), data[9], data[10], data[11]);

    public override string ToString() =>
        $"vendor {VendorCode:X6} model {Model} version {Version} serial {SerialNumber} firmware {FirmwareMajor}.{FirmwareMinor}.{FirmwareBuild}";
}
