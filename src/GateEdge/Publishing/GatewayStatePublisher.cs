using System.Text.Json;
using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Common.Clock;
using GateEdge.Devices.Health;
using GateEdge.Events;
using GateEdge.Evidence;
using GateEdge.Journal;
using GateEdge.Registry;
using GateEdge.Trust;
using MQTTnet.Protocol;
using MQTTnet;
using Microsoft.Extensions.Logging;

namespace GateEdge.Publishing;

/// <summary>
/// What the gateway says about itself, as opposed to the events it journals: retained gateway
/// and device statuses, the heartbeat, and answers to commands. It notes what is due and the
/// publisher sends it between event batches, on the one connection.
/// </summary>
internal sealed partial class GatewayStatePublisher : IDisposable
{
    private readonly Topics _topics;
    private readonly GatewayOptions _gateway;
    private readonly EventJournal _journal;
    private readonly DeviceHealthBoard _health;
    private readonly CommandInbox _commands;
    private readonly JournalMaintenance _maintenance;
    private readonly LiveRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly long _startedTimestamp;
    private readonly ITimer _heartbeatTimer;
    private readonly GatewayKey _key;
    private readonly ITimer _checkpointTimer;
    private readonly int _checkpointEvery;
    private long _checkpointedSize = -1;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<string> _staleLists = [];
    private readonly ClockWitness _clock;
    private volatile bool _devicesChanged;
    private volatile bool _heartbeatDue;
    private volatile bool _republish;
    private volatile bool _checkpointDue;

    public GatewayStatePublisher(MqttOptions options, Topics topics, GatewayOptions gateway, EventJournal journal, DeviceHealthBoard health,
        CommandInbox commands, JournalMaintenance maintenance, LiveRegistry registry, GatewayKey key, ClockWitness clock, TimeProvider time, ILogger<GatewayStatePublisher> logger)
    {
        _key = key;
        _clock = clock;
        _checkpointEvery = options.CheckpointEvery;
        _topics = topics;
        _gateway = gateway;
        _journal = journal;
        _health = health;
        _commands = commands;
        _maintenance = maintenance;
        _registry = registry;
        _time = time;
        _logger = logger;
        _startedAt = time.GetUtcNow();
        _startedTimestamp = time.GetTimestamp();
        _commands.ResultReady += () => Pending?.Invoke();
        _commands.RepublishRequested += () =>
        {
            _republish = true;
            Pending?.Invoke();
        };
        _journal.Outbox.Appended += () =>
        {
            if (_journal.Appender.LastSeq - Interlocked.Read(ref _checkpointedSize) >= _checkpointEvery)
            {
                _checkpointDue = true;
                Pending?.Invoke();
            }
        };
        _checkpointTimer = time.CreateTimer(_ =>
        {
            _checkpointDue = true;
            Pending?.Invoke();
        }, null, options.CheckpointInterval, options.CheckpointInterval);
        _journal.Health.FaultChanged += () =>
        {
            _republish = true;
            _heartbeatDue = true;
            Pending?.Invoke();
        };
        _health.Changed += _ =>
        {
            _devicesChanged = true;
            Pending?.Invoke();
        };
        _heartbeatTimer = time.CreateTimer(_ =>
        {
            _heartbeatDue = true;
            Pending?.Invoke();
        }, null, options.HeartbeatInterval, options.HeartbeatInterval);
    }

    /// <summary>Raised when something is due to be published.</summary>
    public event Action? Pending;

    /// <summary>Completes once this gateway has reached the broker and said it is online.</summary>
    public Task Connected => _connected.Task;

    /// <summary>A new connection: retained device statuses and a heartbeat go out at once.</summary>
    public void OnConnected()
    {
        _devicesChanged = true;
        _checkpointDue = true;
        _heartbeatDue = true;
        _connected.TrySetResult();
    }

    /// <summary>Something is due: a command's answer, a republish, device statuses or the heartbeat.</summary>
    public bool HasPending => _republish || _devicesChanged || _heartbeatDue || _checkpointDue || _commands.Results.TryPeek(out _);

    /// <summary>Device statuses when any changed, and the heartbeat when due; between event batches, so neither waits long.</summary>
    public async Task PublishPendingAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (_commands.Results.TryRead(out var result))
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(_topics.CommandResults)
                .WithPayload(GatewayMessage.Signed(_key, JsonSerializer.SerializeToUtf8Bytes(result, EventJson.Default.CommandResult)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), cancellationToken).ConfigureAwait(false);
        }

        if (_republish)
        {
            _republish = false;
            _devicesChanged = true;
            await PublishStatusAsync(client, "online", cancellationToken).ConfigureAwait(false);
        }

        if (_devicesChanged)
        {
            _devicesChanged = false;
            foreach (var device in _health.Snapshot())
            {
                var status = DeviceStatus.Of(_gateway.Id, device);
                await client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(_topics.DeviceStatus(device.Device))
                    .WithPayload(GatewayMessage.Signed(_key, JsonSerializer.SerializeToUtf8Bytes(status, EventJson.Default.DeviceStatus)))
                    .WithRetainFlag()
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(), cancellationToken).ConfigureAwait(false);
            }
        }

        if (_checkpointDue)
        {
            await PublishCheckpointAsync(client, cancellationToken).ConfigureAwait(false);
        }

        if (_heartbeatDue)
        {
            _heartbeatDue = false;
            var now = _time.GetUtcNow();
            var stale = _registry.Stale(now);
            if (!stale.SequenceEqual(_staleLists))
            {
                _staleLists = stale;
                LogStaleLists(stale.Count == 0 ? "none" : string.Join(", ", stale));
            }

            var uptime = _time.GetElapsedTime(_startedTimestamp);
            var heartbeat = new Heartbeat(Heartbeat.SchemaId, _gateway.Id, now, _clock.Read(), _startedAt, Math.Round(uptime.TotalSeconds, 3), Heartbeat.ClockStep(_startedAt, now, uptime), _journal.Appender.LastSeq, _journal.Outbox.CountUndelivered(), _maintenance.BacklogAlarm,
                _health.Snapshot().ToDictionary(d => d.Device, d => Wire.Of(d.State)),
                _registry.Versions.ToDictionary(l => l.Key, l => new Heartbeat.ListState(l.Value.Version, l.Value.Version == 0 ? null : l.Value.AppliedAt, stale.Contains(l.Key))),
                _journal.Health.Fault?.Problem);
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(_topics.Heartbeat)
                .WithPayload(GatewayMessage.Signed(_key, JsonSerializer.SerializeToUtf8Bytes(heartbeat, EventJson.Default.Heartbeat)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
                .Build(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The signed checkpoint of the chain's head, retained: at each connection, every
    /// <see cref="MqttOptions.CheckpointEvery"/> events or <see cref="MqttOptions.CheckpointInterval"/>, and at a clean stop.
    /// </summary>
    public async Task PublishCheckpointAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        _checkpointDue = false;
        var (size, head) = _journal.Checkpoints.Head();
        var checkpoint = new Checkpoint(Checkpoint.SchemaId, $"{_gateway.CompoundId}/{_gateway.GateId}/{_gateway.Id}", _gateway.Id, size,
            Evidence.EventChain.Hex(head), _time.GetUtcNow());
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Checkpoint)
            .WithPayload(GatewayMessage.Signed(_key, JsonSerializer.SerializeToUtf8Bytes(checkpoint, EventJson.Default.Checkpoint)))
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _checkpointedSize, size);
    }

    public Task PublishStatusAsync(IMqttClient client, string state, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Status)
            .WithPayload(StatusPayload(state))
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    /// <summary>The signed status, also the last will: a forged retained <c>online</c> fails the signature check at the centre.</summary>
    public byte[] StatusPayload(string state) => GatewayMessage.Signed(_key, JsonSerializer.SerializeToUtf8Bytes(
        new GatewayStatus(GatewayStatus.SchemaId, _gateway.Id, state, _time.GetUtcNow(), state == "online" ? _journal.Health.Fault?.Problem : null), EventJson.Default.GatewayStatus));

    public void Dispose() => _heartbeatTimer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stale lists (decisions continue on the last good version): {Lists}")]
    private partial void LogStaleLists(string lists);
}
