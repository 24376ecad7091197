using System.Text;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// An RDM6300 125 kHz reader (docs/protocols.md §2.2): when a tag enters the field it sends
/// <c>02</c>, ten hex characters, the XOR of the five tag bytes in hex, <c>03</c>, unasked.
/// </summary>
internal sealed class SimulatedRdm6300Reader(string name, SimulatedLine port) : ICompoundCardReader
{
    public string Name => name;

    public SimulatedLine Line => port;

    /// <summary>A tag of ten hex characters enters the field; the reader announces it once.</summary>
    public void Present(string tag)
    {
        var bytes = Convert.FromHexString(tag);
        if (bytes.Length != 5)
        {
            throw new ArgumentException($"an RDM6300 tag is 5 bytes (10 hex characters), got '{tag}'", nameof(tag));
        }

        byte checksum = (byte)(bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ bytes[4]);
        port.Write([0x02, .. Encoding.ASCII.GetBytes(tag.ToUpperInvariant() + checksum.ToString("X2")), 0x03]);
    }
}
