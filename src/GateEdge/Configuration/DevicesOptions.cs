using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.Thermometers.SerialIr;

namespace GateEdge.Configuration;

/// <summary>Bound from <c>Devices</c>: one list per device family.</summary>
internal sealed class DevicesOptions
{
    public List<IdCardReaderOptions> IdCardReaders { get; set; } = [];

    public List<SerialIrThermometerOptions> SerialIrThermometers { get; set; } = [];
}
