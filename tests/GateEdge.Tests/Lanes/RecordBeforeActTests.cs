using System.Device.Gpio;
using GateEdge.Common;
using GateEdge.Configuration;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Lanes;
using GateEdge.Outputs.Gpio;
using GateEdge.Outputs;
using GateEdge.Privacy;
using GateEdge.Publishing;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Status;
using GateEdge.Tests.Support;
using GateEdge.Trust;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

/// <summary>
/// R2 at a whole lane: card and reading through the coordinator, the real recorder, a real
/// journal and the GPIO outputs on a simulated chip. An attempt the journal cannot store never
/// moves the relay and lights the fault lamp; once it can store again, the gate works again.
/// </summary>
public sealed class RecordBeforeActTests : IAsyncLifetime
{
    private const int Relay = 17;
    private const int Green = 22;
    private const int Red = 27;

    private static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002X");

    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-r2-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _chip = new();
    private readonly List<PinValue> _relayWrites = [];
    private EventJournal _journal = null!;
    private HouseholdExitLog _exits = null!;
    private GpioGateOutputs _outputs = null!;
    private LaneCoordinator _lane = null!;
    private PromptBoards _prompts = null!;

    public Task InitializeAsync()
    {
        _prompts = new PromptBoards(_time);
        _chip.Written += (pin, value) =>
        {
            if (pin == Relay)
            {
                _relayWrites.Add(value);
            }
        };
        _journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());
        _exits = new HouseholdExitLog(Path.Combine(_dir, "registry.db"));
        _outputs = new GpioGateOutputs(new GpioController(_chip), new GpioOutputOptions
        {
            Driver = GpioOutputOptions.SimulatedDriver,
            Lanes = [new LaneOutputOptions { Lane = "lane1", RelayPin = Relay, GreenLampPin = Green, RedLampPin = Red, PulseLength = TimeSpan.FromSeconds(1) }],
        }, _time, NullLogger<GpioGateOutputs>.Instance);
        var gateway = new GatewayOptions { Id = "gw-1", CompoundId = "c-7", GateId = "north" };
        var health = new DeviceHealthBoard(_time);
        health.Report("thermometer", DeviceState.Online, null);
        var headers = new EventHeaders(gateway, SettableClockSynchronisation.Witness(_time));
        var recorder = new PassageRecorder(new GateActuator(_journal.Appender, _outputs, headers, _time, NullLogger<GateActuator>.Instance),
            new LaneEvents(headers, IdentitySealer.None, new PrivacyOptions()), _outputs, new DecisionFeed(new RecentDecisions(), new GuardDesk(), new GatewayMetrics(_journal, health, new BrokerConnectionState(_time), _time), _prompts.Board, _time, NullLogger<DecisionFeed>.Instance),
            NullLogger<PassageRecorder>.Instance);
        var registry = new SeedFileRegistry([new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Zhang.Kind, Zhang.Number)])]);
        _lane = new LaneCoordinator(new LaneOptions { Id = "lane1", CardReaders = ["reader"], Thermometer = "thermometer" }, new RulePolicy { MaskRequired = false },
            registry, health, recorder, _exits, _prompts.Board, _time, NullLogger<LaneCoordinator>.Instance);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_allowed_person_whose_attempt_cannot_be_stored_stays_outside_under_the_fault_lamp()
    {
        long stored = await FillTheDiskAsync();
        await PresentAsync(36.6m);

        Assert.DoesNotContain(PinValue.High, _relayWrites);
        Assert.Equal(PinValue.High, _chip.Peek(Red));
        Assert.Equal(PinValue.Low, _chip.Peek(Green));
        Assert.Equal(stored, _journal.Appender.LastSeq);
        Assert.Equal("the disk is full", _journal.Health.Fault?.Problem);
        Assert.Equal(["measuring", "device-fault"], _prompts.Shown.Select(d => d.Prompt));

        _journal.LimitSize(0);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PresentAsync(36.7m);

        Assert.Equal(PinValue.High, _chip.Peek(Relay));
        // The passage, then the record of what the relay did for it.
        Assert.Equal(stored + 2, _journal.Appender.LastSeq);
        var actuation = _journal.Outbox.ReadUndelivered(stored + 1, 10).Single();
        Assert.Equal("actuation", actuation.Kind);
        Assert.Contains("\"relay\":\"pulsed\"", System.Text.Encoding.UTF8.GetString(actuation.Payload), StringComparison.Ordinal);
        Assert.Null(_journal.Health.Fault);
        Assert.Equal("pass", _prompts.Shown[^1].Prompt);
    }

    /// <summary>Caps the journal at its current size and stores small events until one no longer fits; returns how many did.</summary>
    private async Task<long> FillTheDiskAsync()
    {
        _journal.LimitSize(1);
        for (int i = 0; i < 1000; i++)
        {
            try
            {
                await _journal.Appender.AppendAsync("filler", _ => new byte[256]);
            }
            catch (JournalWriteException)
            {
                return _journal.Appender.LastSeq;
            }
        }

        throw new InvalidOperationException("the capped journal never filled");
    }

    private async Task PresentAsync(decimal bodyC)
    {
        await _lane.HandleAsync(new LaneInput.Reading(new ThermometerReading("thermometer", bodyC, bodyC, 25m, HasTarget: true, _time.GetUtcNow())), default);
        await _lane.HandleAsync(new LaneInput.Card(new CardPresented("reader", Zhang, "张三", _time.GetUtcNow())), default);
        await _lane.HandleAsync(new LaneInput.Reading(new ThermometerReading("thermometer", 24m, 24m, 25m, HasTarget: false, _time.GetUtcNow())), default);
    }

    public async Task DisposeAsync()
    {
        _outputs.Dispose();
        _exits.Dispose();
        await _journal.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
