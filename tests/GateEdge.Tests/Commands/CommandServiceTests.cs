using System.Device.Gpio;
using System.Text.Json;
using System.Text;
using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Configuration;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Outputs.Gpio;
using GateEdge.Outputs;
using GateEdge.Registry;
using GateEdge.Tests.Registry;
using GateEdge.Tests.Support;
using GateEdge.Trust;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Commands;

/// <summary>
/// The command service without a broker: each message from the centre is answered, a remote open
/// is journalled before the relay moves and followed by what the relay did, a republish puts the
/// range back in the outbox and names what is gone, a checkpoint acknowledgement is checked
/// against the gateway's own chain, and nothing unsigned is acted on.
/// </summary>
public sealed class CommandServiceTests : IAsyncLifetime
{
    private const int Relay = 17;

    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-commands-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _chip = new();
    private readonly List<PinValue> _relayWrites = [];
    private readonly GatewayOptions _gateway = new() { Id = "gw-1", CompoundId = LiveRegistryTests.Compound, GateId = "north" };
    private static readonly (string PrivatePem, string PublicPem) CentreKeyPair = CentreSigner.NewKeyPair();
    private readonly CentreSigner _centre = CentreSigner.FromPem(CentreKeyPair.PrivatePem, "centre-1");
    private EventJournal _journal = null!;
    private RegistryStore _store = null!;
    private LiveRegistry _registry = null!;
    private CommandService _service = null!;

    public Task InitializeAsync()
    {
        var publicFile = Path.Combine(_dir, "centre.pub.pem");
        File.WriteAllText(publicFile, CentreKeyPair.PublicPem); // the public half, as a gateway holds it

        var (keys, problems) = CentreKeys.Load([new CentreKeyOptions { Id = "centre-1", PublicKeyFile = publicFile }]);
        Assert.Empty(problems);
        _chip.Written += (pin, value) =>
        {
            if (pin == Relay)
            {
                _relayWrites.Add(value);
            }
        };
        _journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, _time, NullLogger<EventJournal>.Instance, GatewayKey.Ephemeral());
        var outputs = new GpioGateOutputs(new GpioController(_chip), new GpioOutputOptions
        {
            Driver = GpioOutputOptions.SimulatedDriver,
            Lanes = [new LaneOutputOptions { Lane = "lane1", RelayPin = Relay, PulseLength = TimeSpan.FromSeconds(1) }],
        }, _time, NullLogger<GpioGateOutputs>.Instance);
        var headers = new EventHeaders(_gateway, SettableClockSynchronisation.Witness(_time));
        _store = new RegistryStore(Path.Combine(_dir, "registry.db"));
        _registry = new LiveRegistry(new SeedFileRegistry([]), _store, _time, LiveRegistryTests.Compound);
        _service = new CommandService(new CommandInbox(new CommandOptions(), keys!), keys!, new CommandParser(new CommandOptions(), _gateway, new HashSet<string> { "lane1" }),
            _registry, new GateActuator(_journal.Appender, outputs, headers, _time, NullLogger<GateActuator>.Instance), _journal, _gateway, headers, _time,
            NullLogger<CommandService>.Instance);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_signed_remote_open_is_journalled_then_the_relay_pulses_then_what_it_did_is_journalled()
    {
        var result = await HandleAsync(InboundKind.Command, "open", Command("open", "o-1") with { Lane = "lane1", Operator = "王主任", Reason = "ambulance" });

        Assert.Equal(("o-1", "open", "done", (string?)null), (result.Id, result.Command, result.Status, result.Reason));
        var events = _journal.Outbox.ReadUndelivered(0, 10);
        Assert.Equal(["remote-open", "actuation"], events.Select(e => e.Kind));
        using var actuation = JsonDocument.Parse(events[1].Payload);
        Assert.Equal((1L, "pulsed", "remote-open"), (actuation.RootElement.GetProperty("forSeq").GetInt64(), actuation.RootElement.GetProperty("relay").GetString(), actuation.RootElement.GetProperty("cause").GetString()));
        Assert.Equal(PinValue.High, _relayWrites.Last());
    }

    [Fact]
    public async Task A_message_without_the_centres_signature_is_refused_and_nothing_moves()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Command("open", "o-2") with { Lane = "lane1", Operator = "x", Reason = "y" }, CommandJson.Default.CommandRequest);
        var impostor = CentreSigner.FromPem(CentreSigner.NewKeyPair().PrivatePem, "centre-1");

        foreach (var payload in new[] { body, impostor.Sign(body) })
        {
            var result = await _service.HandleAsync(new InboundMessage(InboundKind.Command, "open", payload), CancellationToken.None);
            Assert.Equal(("rejected", (string?)null), (result!.Status, result.Id));
            Assert.StartsWith("not signed by the centre", result.Reason, StringComparison.Ordinal);
        }

        Assert.Empty(_journal.Outbox.ReadUndelivered(0, 10));
        Assert.DoesNotContain(PinValue.High, _relayWrites);
    }

    [Fact]
    public async Task A_republish_puts_the_range_back_and_names_what_the_gateway_no_longer_holds_or_never_issued()
    {
        for (int i = 0; i < 4; i++)
        {
            await _journal.Appender.AppendAsync(EventKinds.Passage, s => Encoding.UTF8.GetBytes($"{{\"seq\":{s.Seq}}}"));
        }

        Assert.True(_journal.Outbox.MarkDelivered([1, 2, 3, 4]));
        _journal.Housekeeping.PruneDelivered(_time.GetUtcNow().AddSeconds(1), upTo: 2);
        var result = await HandleAsync(InboundKind.Command, "republish", Command("republish", "r-1") with { FromSeq = 2, ToSeq = 6 });

        Assert.Equal(("done", "2 events sent again; not held by this gateway: 2; not issued yet: 5-6"), (result.Status, result.Reason));
        Assert.Equal([3L, 4L], _journal.Outbox.ReadUndelivered(0, 10).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_checkpoint_acknowledgement_is_taken_only_for_the_gateways_own_chain()
    {
        await _journal.Appender.AppendAsync(EventKinds.Passage, s => Encoding.UTF8.GetBytes($"{{\"seq\":{s.Seq}}}"));
        var (size, head) = _journal.Checkpoints.Head();

        var wrong = await HandleAsync(InboundKind.Command, "checkpoint-ack", Command("checkpoint-ack", "k-1") with { Size = size, Head = new string('a', 64) });
        Assert.Equal("rejected", wrong.Status);
        Assert.Equal(0, _journal.Checkpoints.AcknowledgedSize());

        var right = await HandleAsync(InboundKind.Command, "checkpoint-ack", Command("checkpoint-ack", "k-2") with { Size = size, Head = Convert.ToHexStringLower(head) });
        Assert.Equal("done", right.Status);
        Assert.Equal(size, _journal.Checkpoints.AcknowledgedSize());
    }

    [Fact]
    public async Task A_signed_list_update_is_applied_and_answered_and_a_replayed_command_is_refused()
    {
        var list = await _service.HandleAsync(new InboundMessage(InboundKind.List, "quarantine", _centre.Sign(LiveRegistryTests.Snapshot("q-1", 3, ("R-1", "home quarantine")))), CancellationToken.None);
        Assert.Equal(("q-1", "lists/quarantine", "done"), (list!.Id, list.Command, list.Status));
        Assert.Equal("home quarantine", _registry.Listings("R-1").Quarantine!.Reason);

        var open = Command("open", "o-3") with { Lane = "lane1", Operator = "王主任", Reason = "ambulance" };
        Assert.Equal("done", (await HandleAsync(InboundKind.Command, "open", open)).Status);
        var again = await HandleAsync(InboundKind.Command, "open", open);
        Assert.Equal(("rejected", "already carried out: replayed command"), (again.Status, again.Reason));
        Assert.Equal(2, _journal.Outbox.ReadUndelivered(0, 10).Count);
    }

    private CommandRequest Command(string command, string id) =>
        new(CommandRequest.SchemaId, id, command, _gateway.CompoundId, _gateway.GateId, _gateway.Id, _time.GetUtcNow().ToString("O"));

    private async Task<CommandResult> HandleAsync(InboundKind kind, string name, CommandRequest request) =>
        (await _service.HandleAsync(new InboundMessage(kind, name, _centre.Sign(JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest))), CancellationToken.None))!;

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
