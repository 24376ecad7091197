using System.Text.Json;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Script;

/// <summary>Plays a script's faults on their own timeline, beside the visits.</summary>
internal sealed class FaultPlayer(IReadOnlyList<SimulatorScript.ScriptedFault>? faults, SimulatedGate gate, TextWriter log)
{
    public const string Unplug = "unplug";

    /// <summary>A voice module that never finishes speaking: it answers "busy" to everything.</summary>
    public const string Busy = "busy";

    /// <summary>Someone on an OSDP reader's cable replays its last card read, in clear, in place of its answers.</summary>
    public const string ForgedRead = "forged-read";

    /// <summary>An OSDP reader's housing is opened: its tamper switch opens for the fault's time.</summary>
    public const string Tamper = "tamper";

    /// <summary>Someone on an RDM6300 reader's cable sends a made-up tag every 5 ms (2,000 in ten seconds).</summary>
    public const string CardFlood = "card-flood";

    /// <summary>A serial IR head hangs at 36.50 °C (or its line is replaced by one that says so): the same value whoever stands in front.</summary>
    public const string Frozen = "frozen";

    private static readonly Dictionary<string, LineFault> LineFaults = Enum.GetValues<LineFault>()
        .Where(f => f != LineFault.None)
        .ToDictionary(f => JsonNamingPolicy.KebabCaseLower.ConvertName(f.ToString()), StringComparer.Ordinal);

    public static IEnumerable<string> Names => [Unplug, Busy, ForgedRead, CardFlood, Tamper, Frozen, .. LineFaults.Keys];

    public static bool IsKnown(string fault) => fault is Unplug or Busy or ForgedRead or CardFlood or Tamper or Frozen || LineFaults.ContainsKey(fault);

    public Task PlayAsync(CancellationToken cancellationToken) =>
        Task.WhenAll((faults ?? []).Select(f => PlayOneAsync(f, cancellationToken)));

    private async Task PlayOneAsync(SimulatorScript.ScriptedFault fault, CancellationToken cancellationToken)
    {
        await Task.Delay(fault.At, cancellationToken);
        await log.WriteLineAsync($"fault: {fault.Device} {fault.Fault} for {fault.For}");
        Action end = fault.Fault == Busy ? StuckBusy(gate.VoiceModules.GetValueOrDefault(fault.Device)
                ?? throw new InvalidDataException($"device '{fault.Device}': only a voice module can be busy"))
            : fault.Fault == CardFlood ? Flooding(gate.CompoundCardReaders.GetValueOrDefault(fault.Device) as Devices.SimulatedRdm6300Reader
                ?? throw new InvalidDataException($"device '{fault.Device}': a card flood is played on an RDM6300 reader's cable"), cancellationToken)
            : fault.Fault == Tamper ? Tampering(gate.Tamperable.GetValueOrDefault(fault.Device)
                ?? throw new InvalidDataException($"device '{fault.Device}': a tamper switch is played on an OSDP reader or a tamper switch"))
            : fault.Fault == Frozen ? Freezing(gate.Thermometers.GetValueOrDefault(fault.Device) as Devices.SimulatedIrThermometer
                ?? throw new InvalidDataException($"device '{fault.Device}': a frozen reading is played on a serial IR thermometer"))
            : fault.Fault == ForgedRead ? Forging(gate.CompoundCardReaders.GetValueOrDefault(fault.Device) as Devices.SimulatedOsdpReader
                ?? throw new InvalidDataException($"device '{fault.Device}': forged reads are played on an OSDP reader's cable"))
            : gate.Lines.TryGetValue(fault.Device, out var line) ? OnLine(line, fault.Fault)
            : gate.FaultableDevices.TryGetValue(fault.Device, out var device) ? OnDevice(device, fault.Fault)
            : throw new InvalidDataException($"device '{fault.Device}' cannot play faults (a mask detector has no protocol to disturb)");
        try
        {
            await Task.Delay(fault.For, cancellationToken);
        }
        finally
        {
            end();
            await log.WriteLineAsync($"fault: {fault.Device} {fault.Fault} over");
        }
    }

    private static Action OnLine(SimulatedLine line, string fault)
    {
        if (fault == Unplug)
        {
            line.Unplug();
        }
        else
        {
            line.Fault = LineFaults[fault];
        }

        return () =>
        {
            line.Fault = LineFault.None;
            line.Replug();
        };
    }

    private static Action Flooding(Devices.SimulatedRdm6300Reader reader, CancellationToken cancellationToken)
    {
        bool flooding = true;
        _ = Task.Run(async () =>
        {
            byte[] tag = new byte[5];
            while (Volatile.Read(ref flooding) && !cancellationToken.IsCancellationRequested)
            {
                Random.Shared.NextBytes(tag);
                reader.Present(Convert.ToHexString(tag));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);
        return () => Volatile.Write(ref flooding, false);
    }

    private static Action Freezing(Devices.SimulatedIrThermometer thermometer)
    {
        thermometer.FrozenAt = 36.50m;
        return () => thermometer.FrozenAt = null;
    }

    private static Action Tampering(ITamperable device)
    {
        device.Tampered = true;
        return () => device.Tampered = false;
    }

    private static Action Forging(Devices.SimulatedOsdpReader reader)
    {
        reader.ForgingPlainReads = true;
        return () => reader.ForgingPlainReads = false;
    }

    private static Action StuckBusy(Devices.SimulatedVoiceModule voice)
    {
        voice.StuckBusy = true;
        return () => voice.StuckBusy = false;
    }

    private static Action OnDevice(IFaultableDevice device, string fault)
    {
        device.Fault = fault == Unplug ? LineFault.Silence : LineFaults[fault];
        return () => device.Fault = LineFault.None;
    }
}
