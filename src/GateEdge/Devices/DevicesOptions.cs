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

/// <summary>Bound from <c>Devices</c>: one list per device family.</summary>
internal sealed class DevicesOptions
{
    public List<IdCardReaderOptions> IdCardReaders { get; set; } = [];

    public List<Rdm6300ReaderOptions> Rdm6300Readers { get; set; } = [];

    public List<AsciiLineReaderOptions> AsciiLineReaders { get; set; } = [];

    public List<OsdpReaderOptions> OsdpReaders { get; set; } = [];

    public List<Pn532ReaderOptions> Pn532Readers { get; set; } = [];

    /// <summary>Wiegand readers on GPIO lines of the chip <c>Outputs</c> drives.</summary>
    public List<WiegandReaderOptions> WiegandReaders { get; set; } = [];

    public List<SerialIrThermometerOptions> SerialIrThermometers { get; set; } = [];

    public List<ModbusThermometerOptions> ModbusThermometers { get; set; } = [];

    public List<Mlx90614ThermometerOptions> Mlx90614Thermometers { get; set; } = [];

    /// <summary>Mask detectors' "mask seen" outputs on GPIO lines.</summary>
    public List<MaskDetectorOptions> MaskDetectors { get; set; } = [];

    /// <summary>Guards' confirm/deny keys on GPIO lines.</summary>
    public List<GuardKeypadOptions> GuardKeypads { get; set; } = [];

    /// <summary>The enclosure's tamper switch on a GPIO line: no lane names it.</summary>
    public List<TamperInputOptions> TamperInputs { get; set; } = [];

    /// <summary>Speech modules that say the lanes' prompts.</summary>
    public List<VoiceModuleOptions> VoiceModules { get; set; } = [];

    public const string LinuxI2c = "Linux";
    public const string SimulatedI2c = "Simulated";

    /// <summary><c>Linux</c> (the kernel's /dev/i2c-N; the default) or <c>Simulated</c> (devices the simulator attaches in this process).</summary>
    public string I2cDriver { get; set; } = LinuxI2c;
}
