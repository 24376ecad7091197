using GateEdge.Devices.I2c;
using GateEdge.Devices.Inputs;
using GateEdge.Hosting;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Devices;
using GateEdge.Status;
using GateEdge.SystemTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GateEdge.SystemTests;

/// <summary>
/// A lane built only from GPIO and I²C parts: a Wiegand reader, an MLX90614, a mask detector and a
/// guard keypad. GPIO and I²C are simulated in-process, so the real gateway host runs in this process
/// with the simulator's devices wired to its simulated chip and bus; everything else is as deployed,
/// down to mosquitto.
/// </summary>
public sealed class GpioAndI2cLaneTests : GateTest
{
    [Fact]
    public async Task Wiegand_card_MLX_reading_and_mask_signal_decide_and_R4_refuses_a_bare_face()
    {
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [
              { "ref": "R-9", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] },
              { "ref": "R-10", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "123/4568" } ] } ] }
            """);
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "west", "StateDirectory": "state" },
              "StatusPage": { "Enabled": false },
              "Devices": {
                "I2cDriver": "Simulated",
                "WiegandReaders": [ { "Name": "lane3-wiegand", "D0Line": 5, "D1Line": 6 } ],
                "Mlx90614Thermometers": [ { "Name": "lane3-mlx", "Bus": 1, "BodyOffsetC": 1.0 } ],
                "MaskDetectors": [ { "Name": "lane3-mask", "Line": 12 } ],
                "GuardKeypads": [ { "Name": "lane3-keys", "ConfirmLine": 13, "DenyLine": 19 } ]
              },
              "Lanes": [ { "Id": "lane3", "Direction": "In", "CardReaders": [ "lane3-wiegand" ], "Thermometer": "lane3-mlx", "MaskDetector": "lane3-mask", "GuardKeypad": "lane3-keys" } ],
              "Outputs": { "Driver": "Simulated", "Lanes": [ { "Lane": "lane3", "RelayPin": 17, "BuzzerPin": 23 } ] },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Warning" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        using var gateway = GatewayHost.Build(config, []);
        var (chip, sensor, reader) = WireLane3(gateway);
        var mask = new SimulatedMaskDetector(chip, 12);
        _ = new SimulatedGuardKeypad(chip, 13, 19); // its keys idle high, as pulled-up contacts do
        var relay = new List<System.Device.Gpio.PinValue>();
        chip.Written += (pin, value) =>
        {
            if (pin == 17)
            {
                lock (relay)
                {
                    relay.Add(value);
                }
            }
        };

        await gateway.StartAsync();
        try
        {
            await DevicesOnlineAsync(centre, 4);

            mask.SetMaskWorn(true);
            sensor.SetTarget(35.61m);
            await reader.PresentAsync("123/4567");
            await Eventually.True(() => centre.Passages.Any(), () => "a passage", TimeSpan.FromSeconds(20));

            // The next resident steps up without a mask, once the sensor saw the first one leave.
            sensor.SetTarget(null);
            mask.SetMaskWorn(false);
            int reads = sensor.Reads;
            await Eventually.True(() => sensor.Reads >= reads + 4, () => "the gateway reads the empty scene twice", TimeSpan.FromSeconds(10));
            sensor.SetTarget(35.61m);
            await reader.PresentAsync("123/4568");
            await Eventually.True(() => centre.Passages.Count() == 2, () => "a second passage", TimeSpan.FromSeconds(20));
        }
        finally
        {
            await gateway.StopAsync();
        }

        var passage = centre.Passages.First();
        Assert.Equal("allow", passage.GetProperty("outcome").GetString());
        Assert.Equal(["R1", "R3", "R4"], passage.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("compound-card", "lane3-wiegand"), (passage.GetProperty("credential").GetProperty("kind").GetString(), passage.GetProperty("credential").GetProperty("device").GetString()));
        Assert.Equal((36.61m, 35.61m, 25.01m), (passage.GetProperty("temperature").GetProperty("bodyC").GetDecimal(),
            passage.GetProperty("temperature").GetProperty("objectC").GetDecimal(), passage.GetProperty("temperature").GetProperty("ambientC").GetDecimal()));
        Assert.Equal(("worn", "lane3-mask"), (passage.GetProperty("mask").GetProperty("status").GetString(), passage.GetProperty("mask").GetProperty("source").GetString()));
        var bare = centre.Passages.Last();
        Assert.Equal(("deny", "not-worn"), (bare.GetProperty("outcome").GetString(), bare.GetProperty("mask").GetProperty("status").GetString()));
        Assert.Equal(["R4"], bare.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("no mask seen: wear a mask", bare.GetProperty("reasons")[0].GetString());
        lock (relay)
        {
            Assert.Equal(1, relay.Count(v => v == System.Device.Gpio.PinValue.High)); // opened once: for the masked resident only
        }

        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));
    }

    [Fact]
    public async Task At_an_attended_lane_the_guard_signs_on_and_confirms_a_referred_attempt_with_a_key()
    {
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "registry.json"), """
            { "persons": [
              { "ref": "G-1", "class": "Staff", "guard": true, "credentials": [ { "kind": "CompoundCard", "number": "7/1" } ] },
              { "ref": "R-9", "class": "Resident", "credentials": [ { "kind": "CompoundCard", "number": "123/4567" } ] } ] }
            """);
        int page = Loopback.FreePort();
        var config = Path.Combine(Gate.Dir, "gateedge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-7", "CompoundId": "c-7", "GateId": "west", "StateDirectory": "state" },
              "StatusPage": { "Listen": "http://127.0.0.1:{{page}}" },
              "Devices": {
                "I2cDriver": "Simulated",
                "WiegandReaders": [ { "Name": "lane3-wiegand", "D0Line": 5, "D1Line": 6 } ],
                "Mlx90614Thermometers": [ { "Name": "lane3-mlx", "Bus": 1, "BodyOffsetC": 1.0 } ],
                "GuardKeypads": [ { "Name": "lane3-keys", "ConfirmLine": 13, "DenyLine": 19 } ]
              },
              "Lanes": [ { "Id": "lane3", "Direction": "Out", "Mode": "Attended", "CardReaders": [ "lane3-wiegand" ], "Thermometer": "lane3-mlx", "GuardKeypad": "lane3-keys" } ],
              "Outputs": { "Driver": "Simulated", "Lanes": [ { "Lane": "lane3", "RelayPin": 17 } ] },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{Broker.Port}} },
              "Serilog": { "MinimumLevel": { "Default": "Warning" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        using var gateway = GatewayHost.Build(config, []);
        var (chip, sensor, reader) = WireLane3(gateway);
        var keypad = new SimulatedGuardKeypad(chip, 13, 19);
        int opened = 0;
        chip.Written += (pin, value) =>
        {
            if (pin == 17 && value == System.Device.Gpio.PinValue.High)
            {
                Interlocked.Increment(ref opened);
            }
        };

        await gateway.StartAsync();
        try
        {
            await DevicesOnlineAsync(centre, 3);
            var desk = gateway.Services.GetRequiredService<GuardDesk>();
            await reader.PresentAsync("7/1");
            await Eventually.True(() => Events("guard").Any(), () => "the guard signs on", TimeSpan.FromSeconds(20));
            Assert.Equal(new LaneDesk("G-1", null), desk.For("lane3"));

            sensor.SetTarget(35.61m);
            await reader.PresentAsync("123/4567");
            await Eventually.True(() => centre.Passages.Any(), () => "a referred passage", TimeSpan.FromSeconds(20));
            Assert.Equal(0, Volatile.Read(ref opened));
            // The status page's guard view: the referral waits at the lane, under its own number.
            Assert.Equal(centre.Passages.Single().GetProperty("seq").GetInt64(), desk.For("lane3").Waiting?.Seq);
            await AssertGuardSeesTheReferralAsync(page);
            await keypad.PressAsync(GuardKey.Confirm);
            await Eventually.True(() => Events("override").Any(), () => "the guard's decision", TimeSpan.FromSeconds(20));
            await Eventually.True(() => desk.For("lane3").Waiting is null, () => "nothing waits once the guard decided", TimeSpan.FromSeconds(5));
        }
        finally
        {
            await gateway.StopAsync();
        }

        var duty = Events("guard").Single();
        Assert.Equal(("G-1", "sign-on"), (duty.GetProperty("guard").GetString(), duty.GetProperty("action").GetString()));
        var passage = centre.Passages.Single();
        Assert.Equal(("refer", "G-1", "not-checked"), (passage.GetProperty("outcome").GetString(), passage.GetProperty("guard").GetString(),
            passage.GetProperty("mask").GetProperty("status").GetString()));
        Assert.Equal("mask not checked: the guard confirms it", passage.GetProperty("reasons")[0].GetString());
        var decision = Events("override").Single();
        Assert.Equal((passage.GetProperty("id").GetString(), "allow", "G-1"),
            (decision.GetProperty("passage").GetString(), decision.GetProperty("decision").GetString(), decision.GetProperty("guard").GetString()));
        Assert.Equal(1, Volatile.Read(ref opened));
        Assert.Empty(centre.Messages.SelectMany(m => PublishedSchemas.Check(m.Payload)));

        IEnumerable<System.Text.Json.JsonElement> Events(string kind) =>
            centre.Messages.Where(m => m.Topic.EndsWith($"/event/{kind}", StringComparison.Ordinal)).Select(m => m.Payload);
    }

    /// <summary>The simulator's side of lane 3, wired to the gateway's own simulated chip and I²C bus.</summary>
    /// <summary>The guard's view at the lane, in Chinese: who is on duty, who waits, why, and which key does what.</summary>
    private static async Task AssertGuardSeesTheReferralAsync(int page)
    {
        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{page}/");
        await Eventually.True(async () => await browser.EvaluateAsync("document.querySelector('.waiting')?.dataset.lane") == "lane3",
            "the referral on the status page", TimeSpan.FromSeconds(15));
        string view = await browser.EvaluateAsync("document.getElementById('guard').textContent");
        Assert.Contains("门卫 G-1 值守中", view, StringComparison.Ordinal);
        Assert.True(view.Contains("口罩未检查：由门卫确认", StringComparison.Ordinal), view);
        Assert.Contains("请这样做：看清是否戴好口罩（遮住口鼻）；戴好按确认键，没戴好按拒绝键", view, StringComparison.Ordinal);
        await StatusPageLanguage.AssertChineseAsync(browser, "guard-zh-CN", "west");
    }

    private static (SimulatedGpioDriver Chip, SimulatedMlx90614 Sensor, SimulatedWiegandReader Reader) WireLane3(IHost gateway)
    {
        var chip = gateway.Services.GetRequiredService<SimulatedGpioDriver>();
        var sensor = new SimulatedMlx90614(bus: 1);
        ((SimulatedI2cBuses)gateway.Services.GetRequiredService<II2cBuses>()).Attach(1, 0x5A, () => sensor);
        return (chip, sensor, new SimulatedWiegandReader("lane3-wiegand", chip, 5, 6));
    }

    private static Task DevicesOnlineAsync(CentreSubscriber centre, int devices) =>
        Eventually.True(() => centre.Messages.Count(m => m.Topic.Contains("/device/", StringComparison.Ordinal)
            && m.Payload.GetProperty("state").GetString() == "online") >= devices, () => $"all {devices} devices online", TimeSpan.FromSeconds(20));
}
