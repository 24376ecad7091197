using GateEdge.Common.Messages;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices;

/// <summary>What a device does at a lane: the lane checks refer to devices by role.</summary>
internal enum DeviceRole
{
    CardReader,
    Thermometer,
    MaskDetector,
    GuardKeypad,
    Voice,

    /// <summary>Watches the gateway's enclosure, not a lane: no lane names it.</summary>
    Enclosure,
}

/// <summary>How a device is wired to the box.</summary>
internal enum DeviceWiring
{
    Serial,
    Gpio,
    I2c,
}

/// <summary>
/// Everything the gateway, its tools and the simulator need to know about one device family, kept
/// in the family's folder: its name, role and wiring, where its entries are configured, the checks
/// only it needs, how its session is built, and what <c>devices probe PORT</c> tries. The table of
/// families is <see cref="DeviceFamilies"/>; the validator, the host, the probe and the simulator
/// iterate it (docs/architecture.md, "Device families").
/// </summary>
internal abstract class DeviceFamily(string kind, DeviceRole role, DeviceWiring wiring)
{
    /// <summary>The family's one name: <c>id-card-reader</c> (the simulator's device kind, the docs' heading).</summary>
    public string Kind { get; } = kind;

    /// <summary>Its list under <c>Devices</c> in the configuration: the kind in PascalCase, plural (<c>IdCardReaders</c>).</summary>
    public string Section { get; } = string.Concat(kind.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "s";

    public DeviceRole Role { get; } = role;

    public DeviceWiring Wiring { get; } = wiring;

    /// <summary>The configured entries of this family, in file order.</summary>
    public abstract IReadOnlyList<DeviceOptions> Configured(DevicesOptions devices);

    /// <summary>The checks only this family needs, each with the path of the setting (<c>Devices.Section[i].Key</c>).</summary>
    public abstract IEnumerable<(string Path, Said What)> Validate(DevicesOptions devices);

    /// <summary>The GPIO lines an entry uses, by setting name (none for serial and I²C families).</summary>
    public abstract IEnumerable<(string Key, int Line)> GpioLines(DeviceOptions options);

    public abstract IDeviceSession CreateSession(DeviceOptions options, DeviceServices services);

    /// <summary>What <c>devices probe PORT</c> tries on an unlabelled port, in order; none for families not on a serial port.</summary>
    public abstract IEnumerable<ProbeCandidate> ProbeCandidates(string port);

    /// <summary>
    /// For a family whose devices share a bus at addresses: its settings for each address
    /// <c>devices probe PORT</c> scans, in order (every address the family allows); empty otherwise.
    /// </summary>
    public abstract IEnumerable<SerialDeviceOptions> ScanCandidates(string port);

    /// <summary>What a scan calls one of the family's devices (<c>an OSDP reader</c>), several (<c>OSDP readers</c>), and the name its snippet suggests for the first (<c>lane1-reader</c>).</summary>
    public (string One, string Many, string SuggestedName) ScanWords { get; init; } = ("a device", "devices", "lane1-device");

    /// <summary>How many of <see cref="ScanCandidates"/> are the addresses devices ship at: asked first, the whole range only when one answers or on request.</summary>
    public int ScanDefaults { get; init; } = 1;
}

/// <summary>
/// A family whose entries are <typeparamref name="TOptions"/>. Built with the family's delegates,
/// so the session's constructor is called directly (no reflection: NativeAOT and trimming keep it).
/// </summary>
internal sealed class DeviceFamily<TOptions>(
    string kind,
    DeviceRole role,
    DeviceWiring wiring,
    Func<DevicesOptions, List<TOptions>> configured,
    Func<TOptions, DeviceServices, IDeviceSession> createSession) : DeviceFamily(kind, role, wiring)
    where TOptions : DeviceOptions
{
    /// <summary>Checks of one entry, given its path (<c>Devices.OsdpReaders[0]</c>).</summary>
    public Func<TOptions, string, IEnumerable<(string Path, Said What)>>? Check { get; init; }

    /// <summary>Checks across the family's entries (two sensors at one I²C address), given the section's path.</summary>
    public Func<IReadOnlyList<TOptions>, string, IEnumerable<(string Path, Said What)>>? CheckAll { get; init; }

    public Func<TOptions, IEnumerable<(string Key, int Line)>>? Lines { get; init; }

    public Func<string, IEnumerable<ProbeCandidate>>? Probes { get; init; }

    public Func<string, IEnumerable<TOptions>>? Scan { get; init; }

    public override IReadOnlyList<DeviceOptions> Configured(DevicesOptions devices) => configured(devices);

    public override IEnumerable<(string Path, Said What)> Validate(DevicesOptions devices)
    {
        var entries = configured(devices);
        string path = $"Devices.{Section}";
        var each = Check is null ? [] : entries.SelectMany((o, i) => Check(o, $"{path}[{i}]"));
        return CheckAll is null ? each : each.Concat(CheckAll(entries, path));
    }

    public override IEnumerable<(string Key, int Line)> GpioLines(DeviceOptions options) => Lines?.Invoke((TOptions)options) ?? [];

    public override IDeviceSession CreateSession(DeviceOptions options, DeviceServices services) => createSession((TOptions)options, services);

    public override IEnumerable<ProbeCandidate> ProbeCandidates(string port) => Probes?.Invoke(port) ?? [];

    public override IEnumerable<SerialDeviceOptions> ScanCandidates(string port) => Scan?.Invoke(port).Cast<SerialDeviceOptions>() ?? [];
}

/// <summary>
/// One guess of <c>devices probe PORT</c>: a family's settings to try on the port. <see cref="Snippet"/>
/// is what the technician pastes when it answers: the settings beyond Name, Port and BaudRate.
/// </summary>
internal sealed record ProbeCandidate(DeviceFamily Family, string Description, string SuggestedName, SerialDeviceOptions Options,
    string Snippet = "", bool SpeaksOnlyWithACard = false);
