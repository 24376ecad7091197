using System.Threading.Channels;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;

namespace GateEdge.Devices.Gpio;

/// <summary>
/// Two input lines requested together, delivering their falling edges as one ordered stream
/// (docs/protocols.md §2.1: two callbacks may race, one request may not). Disposing releases the lines.
/// </summary>
internal interface IPulseLines : IDisposable
{
    /// <summary>Pulses in the order they happened; completes with a <see cref="DeviceException"/> if the lines fail.</summary>
    ChannelReader<WiegandPulse> Pulses { get; }
}
