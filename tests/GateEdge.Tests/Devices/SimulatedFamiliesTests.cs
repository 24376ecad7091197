using GateEdge.Devices;
using GateEdge.Devices.I2c;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;

namespace GateEdge.Tests.Devices;

/// <summary>
/// The simulator plays every family from its one table: a new family that is not in it fails here,
/// and each simulated device is filed under the role the gateway's family gives it.
/// </summary>
public sealed class SimulatedFamiliesTests
{
    [Fact]
    public void Every_family_a_lane_reads_on_its_own_has_one_line_in_the_simulator()
    {
        // A guard keypad is pressed by a person: scripts and rehearsals leave it out.
        var played = DeviceFamilies.All.Where(f => f.Role != DeviceRole.GuardKeypad).Select(f => f.Kind).Order(StringComparer.Ordinal);
        Assert.Equal(played, SimulatedFamilies.All.Select(s => s.Family.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_script_with_one_device_of_every_family_files_each_under_its_role()
    {
        var links = Directory.CreateTempSubdirectory("gateedge-simulated-families-").FullName;
        int line = 4;
        var devices = SimulatedFamilies.All.Select(s => new SimulatorScript.Device($"d-{s.Family.Kind}", s.Family.Kind,
            D0Line: line++, D1Line: line++, Line: line++, Address: s.Family.Kind == "osdp-reader" ? (byte)0 : (byte)1)).ToList();
        var script = new SimulatorScript(devices, [], []);
        try
        {
            await using var gate = new SimulatedGate(script, links, new InProcessHardware(new SimulatedGpioDriver(), new SimulatedI2cBuses()));
            foreach (var simulated in SimulatedFamilies.All)
            {
                string name = $"d-{simulated.Family.Kind}";
                string filedAs = RoleFiledUnder(gate, name);
                string expected = simulated.Family.Role switch
                {
                    DeviceRole.CardReader => simulated.Family.Kind == "id-card-reader" ? "id-card reader" : "compound-card reader",
                    DeviceRole.Thermometer => "thermometer",
                    DeviceRole.Voice => "voice module",
                    DeviceRole.MaskDetector => "mask detector",
                    DeviceRole.Enclosure => "tamper switch",
                    _ => "unexpected role",
                };
                Assert.True(expected == filedAs, $"{simulated.Family.Kind} is filed as {filedAs}, its family's role is {expected}");
                Assert.Equal(simulated.Family.Wiring == DeviceWiring.Serial, gate.Lines.ContainsKey(name));
            }
        }
        finally
        {
            Directory.Delete(links, recursive: true);
        }
    }

    [Fact]
    public void A_configured_device_becomes_a_script_entry_of_its_own_kind_with_the_settings_the_simulation_must_match()
    {
        var osdp = SimulatedFamilies.All.Single(s => s.Family.Kind == "osdp-reader");
        var entry = osdp.ScriptEntry(new GateEdge.Devices.CardReaders.Osdp.OsdpReaderOptions { Name = "lane2-reader", Port = "/dev/x", Address = 5 });
        Assert.Equal(new SimulatorScript.Device("lane2-reader", "osdp-reader", Address: 5), entry);
        Assert.Equal(["KeyFile", "InstallMode"], osdp.NotRehearsed);

        var rdm = SimulatedFamilies.All.Single(s => s.Family.Kind == "rdm6300-reader");
        Assert.Equal(new SimulatorScript.Device("lane1-reader", "rdm6300-reader"), rdm.ScriptEntry(new GateEdge.Devices.CardReaders.Rdm6300.Rdm6300ReaderOptions { Name = "lane1-reader", Port = "/dev/x" }));
    }

    private static string RoleFiledUnder(SimulatedGate gate, string name) =>
        gate.Readers.ContainsKey(name) ? "id-card reader"
        : gate.CompoundCardReaders.ContainsKey(name) ? "compound-card reader"
        : gate.Thermometers.ContainsKey(name) ? "thermometer"
        : gate.VoiceModules.ContainsKey(name) ? "voice module"
        : gate.MaskDetectors.ContainsKey(name) ? "mask detector"
        : gate.Tamperable.ContainsKey(name) ? "tamper switch"
        : "nothing";
}
