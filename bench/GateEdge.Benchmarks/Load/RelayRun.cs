using System.Device.Gpio;
using System.Diagnostics;
using System.Threading.Channels;
using GateEdge.Devices.CardReaders.IdCard;
using GateEdge.Devices.CardReaders.Osdp;
using GateEdge.Devices.I2c;
using GateEdge.Devices.Thermometers.SerialIr;
using GateEdge.Hosting;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Demo;
using GateEdge.Simulator.Devices;
using GateEdge.Simulator.Script;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// Card placed → relay: one lane of the real gateway in this process, its reader and thermometer
/// played by the simulator on ptys paced at the lines' baud rate, and the time from the card
/// appearing at the reader to the gateway's write to the relay pin on the simulated GPIO chip.
/// Each person stands at the thermometer first (as at a gate: the forehead, then the card), and
/// the pause between people is drawn at random so cards land anywhere in the readers' poll cycle.
/// People follow each other faster than at a real lane, so the card-flood limit is lifted.
/// </summary>
internal static class RelayRun
{
    private const int RelayPin = 17;
    private static readonly TimeSpan Standing = TimeSpan.FromMilliseconds(600);

    /// <param name="reader"><c>sam</c> (the ID-card reader), <c>osdp</c> (in clear) or <c>osdp-secure</c> (a key set through install mode first).</param>
    /// <param name="resting">Readers keep their resting poll when someone is at the lane (the pace before readers were told).</param>
    public static async Task<RelayResult> RunAsync(string reader, int cards, int baud, bool resting, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("gateedge-relay-").FullName;
        try
        {
            await using var broker = await EmbeddedBroker.StartAsync();
            var links = Path.Combine(dir, "links");
            Directory.CreateDirectory(links);
            var people = Enumerable.Range(0, cards).Select(i => new SimPerson($"居民{i}", IdNumbers.For(i), CompoundCard: $"12/{1000 + i}")).ToList();
            bool sam = reader == "sam";
            var readerKind = sam ? IdCardReaderFamily.Family.Kind : OsdpReaderFamily.Family.Kind;
            var script = new SimulatorScript(
                [new("lane1-reader", readerKind, InstallMode: reader == "osdp-secure"), new("lane1-thermometer", SerialIrThermometerFamily.Family.Kind)], people, []);
            var keyFile = Path.Combine(dir, "lane1-reader.scbk");
            var config = WriteConfig(dir, links, people, sam, reader == "osdp-secure" ? keyFile : null, resting, broker.Port);

            using var gateway = GatewayHost.Build(config, []);
            var chip = gateway.Services.GetRequiredService<SimulatedGpioDriver>();
            var relay = Channel.CreateUnbounded<long>();
            chip.Written += (pin, value) =>
            {
                if (pin == RelayPin && value == PinValue.High)
                {
                    relay.Writer.TryWrite(Stopwatch.GetTimestamp());
                }
            };

            await using var gate = new SimulatedGate(script, links, new InProcessHardware(chip, (SimulatedI2cBuses)gateway.Services.GetRequiredService<II2cBuses>()));
            foreach (var line in gate.Lines.Values)
            {
                line.BaudRate = baud;
            }

            await gateway.StartAsync();
            await gate.GatewayConnected.WaitAsync(TimeSpan.FromSeconds(30));
            if (reader == "osdp-secure")
            {
                // Install mode: the reader's key is kept once the reader acknowledged it; from then on every poll is secure.
                while (!File.Exists(keyFile))
                {
                    await Task.Delay(50);
                }
            }

            var thermometer = gate.Thermometers["lane1-thermometer"];
            var random = new Random(1);
            var latencies = new List<double>();
            int missed = 0;
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                // Temperatures that differ as people's do: one value for everyone is what a stuck thermometer reads.
                thermometer.SetTarget(36.3m + (i % 7) / 10m);
                await Task.Delay(Standing + TimeSpan.FromMilliseconds(random.Next(0, 500)));
                while (relay.Reader.TryRead(out _))
                {
                }

                long placed = Stopwatch.GetTimestamp();
                var read = sam ? gate.Readers["lane1-reader"].PlaceCard(person) : Present(gate, person);
                try
                {
                    long opened = await relay.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                    latencies.Add(Stopwatch.GetElapsedTime(placed, opened).TotalMilliseconds);
                }
                catch (TimeoutException)
                {
                    missed++;
                }

                if (sam)
                {
                    gate.Readers["lane1-reader"].LiftCard();
                }

                thermometer.SetTarget(null);
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }

            await gateway.StopAsync();
            latencies.Sort();
            var result = new RelayResult(resting ? $"{reader} (resting pace only)" : reader, baud, latencies.Count, missed, Quantile(latencies, 0.5), Quantile(latencies, 0.95), latencies.LastOrDefault());
            log.WriteLine(result);
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Task Present(SimulatedGate gate, SimPerson person)
    {
        gate.CompoundCardReaders["lane1-reader"].Present(person.CompoundCard!);
        return Task.CompletedTask;
    }

    private static double Quantile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string WriteConfig(string dir, string links, List<SimPerson> people, bool sam, string? keyFile, bool resting, int brokerPort)
    {
        var persons = people.Select((p, i) =>
            $$"""{ "ref": "R-{{i}}", "class": "Resident", "credentials": [ { "kind": "NationalId", "number": "{{p.IdNumber}}" }, { "kind": "CompoundCard", "number": "{{p.CompoundCard}}" } ] }""");
        File.WriteAllText(Path.Combine(dir, "registry.json"), $$"""{ "persons": [ {{string.Join(",\n", persons)}} ] }""");
        string key = keyFile is null ? "" : $$""" , "KeyFile": "{{keyFile}}", "InstallMode": true""";
        string pace = !resting ? "" : sam ? """ , "AttendedPollInterval": "00:00:00.25" """ : """ , "AttendedPollInterval": "00:00:00.2" """;
        string readers = sam
            ? $$""" "IdCardReaders": [ { "Name": "lane1-reader", "Port": "{{links}}/lane1-reader"{{pace}} } ]"""
            : $$""" "OsdpReaders": [ { "Name": "lane1-reader", "Port": "{{links}}/lane1-reader"{{key}}{{pace}} } ]""";
        var path = Path.Combine(dir, "gateedge.json");
        File.WriteAllText(path, $$"""
            {
              "Gateway": { "Id": "gw-relay", "CompoundId": "c-relay", "GateId": "north", "StateDirectory": "{{dir}}/state" },
              "Devices": { {{readers}}, "I2cDriver": "Simulated", "SerialIrThermometers": [ { "Name": "lane1-thermometer", "Port": "{{links}}/lane1-thermometer" } ] },
              "Lanes": [ { "Id": "lane1", "CardReaders": [ "lane1-reader" ], "Thermometer": "lane1-thermometer" } ],
              "Outputs": { "Driver": "Simulated", "Lanes": [ { "Lane": "lane1", "RelayPin": {{RelayPin}} } ] },
              "Rules": { "MaskRequired": false, "MaxCardsPerWindow": 100 },
              "Registry": { "SeedFile": "registry.json" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{brokerPort}} },
              "Serilog": { "MinimumLevel": { "Default": "Warning" }, "WriteTo": [ { "Name": "Console" } ] }
            }
            """);
        return path;
    }
}

internal sealed record RelayResult(string Reader, int Baud, int Cards, int Missed, double P50Ms, double P95Ms, double MaxMs)
{
    public override string ToString() =>
        $"{Reader} at {Baud} baud: {Cards} cards to the relay, p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, max {MaxMs:0.0} ms{(Missed > 0 ? $", {Missed} without a relay within 5 s" : "")}";
}
