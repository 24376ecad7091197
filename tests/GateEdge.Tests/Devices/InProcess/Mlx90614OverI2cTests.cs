using GateEdge.Devices;
using GateEdge.Devices.Health;
using GateEdge.Devices.I2c;
using GateEdge.Devices.Thermometers.Mlx90614;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Faults;
using GateEdge.Tests.Support;
using Iot.Device.Mlx90614;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Devices.InProcess;

/// <summary>The MLX90614 session against the simulator's sensor through the I2cDevice seam.</summary>
public sealed class Mlx90614OverI2cTests : DeviceBench
{
    private readonly SimulatedMlx90614 _sensor = new(bus: 1);
    private readonly SimulatedI2cBuses _buses = new();
    private DeviceSupervisor _supervisor = null!;

    public override async Task InitializeAsync()
    {
        _buses.Attach(1, 0x5A, () => _sensor);
        var options = new Mlx90614ThermometerOptions { Name = "mlx", PollInterval = TimeSpan.FromMilliseconds(50), BodyOffsetC = 1.0m };
        var session = new Mlx90614ThermometerSession(options, _buses, Sink, TimeProvider.System, NullLogger<Mlx90614ThermometerSession>.Instance);
        _supervisor = Supervise(session, degradedWindow: TimeSpan.FromSeconds(1));
        await Eventually.True(() => Health.Get("mlx").State == DeviceState.Online, "the sensor is online");
    }

    [Fact]
    public void The_simulated_sensor_sends_the_golden_words_and_the_real_binding_reads_it()
    {
        Assert.Equal(Hex.Bytes("7A 3C 92"), SimulatedMlx90614.Word(0x5A, 0x07, 36.49m));
        Assert.Equal(Hex.Bytes("D2 3A 30"), SimulatedMlx90614.Word(0x5A, 0x07, 28.01m));

        _sensor.SetTarget(36.49m);
        using var binding = new Mlx90614(_sensor);
        Assert.Equal(36.49, binding.ReadObjectTemperature().DegreesCelsius, precision: 2);
    }

    [Fact]
    public async Task Readings_carry_the_body_value_and_whether_someone_stands_in_front()
    {
        _sensor.SetTarget(35.61m);
        await Eventually.True(() => Sink.Readings.Any(r => r.HasTarget), "a reading with a person arrives");

        var reading = Sink.Readings.First(r => r.HasTarget);
        Assert.Equal((36.61m, 35.61m, 25.01m), (reading.BodyC, reading.ObjectC, reading.AmbientC));
    }

    [Theory]
    [InlineData(nameof(LineFault.BadChecksum), "checksum")]
    [InlineData(nameof(LineFault.Garbage), "checksum")]
    [InlineData("ErrorFlag", "impossible")]
    public async Task A_corrupted_word_or_a_sensor_error_is_never_a_temperature(string fault, string reason)
    {
        _sensor.SetTarget(35.61m);
        if (fault == "ErrorFlag")
        {
            _sensor.ErrorFlag = true;
        }
        else
        {
            _sensor.Fault = Enum.Parse<LineFault>(fault);
        }

        await Eventually.True(() => Health.Get("mlx").State == DeviceState.Degraded, "the sensor is degraded");
        Assert.Contains(reason, Health.Get("mlx").Reason, StringComparison.Ordinal);
        _sensor.ErrorFlag = false;
        _sensor.Fault = LineFault.None;
        await Eventually.True(() => Health.Get("mlx").State == DeviceState.Online, "the sensor recovers");
        Assert.All(Sink.Readings, r => Assert.Contains(r.ObjectC, new[] { 35.61m, 24.51m }));
    }

    [Fact]
    public async Task A_sensor_that_stops_acknowledging_goes_offline_and_an_unwired_one_stays_offline_until_wired()
    {
        _sensor.Fault = LineFault.Silence;
        await Eventually.True(() => Health.Get("mlx").State == DeviceState.Offline, "the silent sensor is offline");
        Assert.Contains("no acknowledge at 0x5A", Health.Get("mlx").Reason, StringComparison.Ordinal);

        _buses.Detach(1, 0x5A);
        _sensor.Fault = LineFault.None;
        await Eventually.True(() => Health.Get("mlx").Reason!.Contains("nothing answers", StringComparison.Ordinal), "the reopen finds nothing");

        _buses.Attach(1, 0x5A, () => _sensor);
        await Eventually.True(() => Health.Get("mlx").State == DeviceState.Online, "the rewired sensor is online");
    }

}
