using System.Globalization;
using System.Numerics;
using System.Text;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A reader that prints each card's UID as a text line (docs/protocols.md §2.2), in its own radix and
/// byte order: UID <c>26 DE FA E7</c> is <c>0652147431</c> in card-order decimal, <c>3891977766</c>
/// reversed. Written without the gateway's codec, so the two cannot share a mistake.
/// </summary>
internal sealed class SimulatedAsciiLineReader(string name, SimulatedLine port, bool hex, bool reversed) : ICompoundCardReader
{
    public string Name => name;

    public SimulatedLine Line => port;

    /// <summary>A card whose UID is <paramref name="uidHex"/> (card order) enters the field.</summary>
    public void Present(string uidHex) => port.Write(Encoding.ASCII.GetBytes(Print(Convert.FromHexString(uidHex), hex, reversed) + "\r\n"));

    internal static string Print(byte[] uid, bool hex, bool reversed)
    {
        var ordered = reversed ? uid.Reverse().ToArray() : uid;
        if (hex)
        {
            return Convert.ToHexString(ordered);
        }

        var value = new BigInteger(ordered, isUnsigned: true, isBigEndian: true);
        int digits = BigInteger.Pow(256, uid.Length).ToString(CultureInfo.InvariantCulture).Length;
        return value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
