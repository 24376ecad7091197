using GateEdge.Devices.CardReaders.AsciiLine;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.CardReaders.Pn532;
using GateEdge.Devices.CardReaders.Rdm6300;
using GateEdge.Devices.CardReaders.Wiegand;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Devices.Thermometers.Modbus;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Devices.Voice;

namespace GateEdge.Devices;

/// <summary>
/// Every device family the gateway speaks to, one line each. A new family is its folder (options,
/// codec, session, descriptor), its list in <see cref="DevicesOptions"/> and a line here.
/// </summary>
internal static class DeviceFamilies
{
    public static readonly IReadOnlyList<DeviceFamily> All =
    [
        // In the order devices probe PORT tries them on an unlabelled port: the SAM reader's
        // query first, the readers that speak only with a card in the field last.
        IdCardReaderFamily.Family,
        Pn532ReaderFamily.Family,
        SerialIrThermometerFamily.Family,
        VoiceModuleFamily.Family,
        ModbusThermometerFamily.Family,
        OsdpReaderFamily.Family,
        Rdm6300ReaderFamily.Family,
        AsciiLineReaderFamily.Family,
        WiegandReaderFamily.Family,
        Mlx90614ThermometerFamily.Family,
        MaskDetectorFamily.Family,
        GuardKeypadFamily.Family,
        TamperInputFamily.Family,
    ];

    /// <summary>Every configured device with its family, in table order, then file order.</summary>
    public static IEnumerable<(DeviceFamily Family, DeviceOptions Options)> Configured(DevicesOptions devices) =>
        All.SelectMany(f => f.Configured(devices).Select(o => (f, o)));
}
