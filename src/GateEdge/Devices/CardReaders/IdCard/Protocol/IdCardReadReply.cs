using System.Buffers.Binary;

namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>
/// Splits the data of a successful read reply (after SW3) into its blocks: text length, photo
/// length, optionally fingerprint length, then the blocks in that order (docs/protocols.md §1).
/// </summary>
internal static class IdCardReadReply
{
    public static bool TryParse(ReadOnlySpan<byte> data, bool withFingerprint, out IdCardIdentity? identity)
    {
        identity = null;
        int header = withFingerprint ? 6 : 4;
        if (data.Length < header)
        {
            return false;
        }

        int textLength = BinaryPrimitives.ReadUInt16BigEndian(data);
        int photoLength = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        int fingerprintLength = withFingerprint ? BinaryPrimitives.ReadUInt16BigEndian(data[4..]) : 0;
        if (textLength != IdCardText.Length || data.Length != header + textLength + photoLength + fingerprintLength)
        {
            return false;
        }

        identity = IdCardText.Decode(data.Slice(header, textLength));
        return true;
    }
}
