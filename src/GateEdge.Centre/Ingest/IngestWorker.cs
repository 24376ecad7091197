using System.Threading.Channels;
using GateEdge.Centre.Store;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Npgsql;

namespace GateEdge.Centre.Ingest;

/// <summary>
/// One ingest worker (docs/centre.md): a member of the shared subscription <c>$share/{group}/…</c>
/// at QoS 1 with a persistent session, that reads each message (<see cref="MessageIntake"/>),
/// writes a batch in one transaction (<see cref="IntakeWriter"/>) and only then acknowledges its
/// messages, so a worker, database or broker that stops mid-batch loses nothing: what was not
/// acknowledged comes again, and what comes twice is one row. Beside it, its share of the
/// <see cref="RecordSweeper"/>.
/// </summary>
internal sealed class IngestWorker(IngestOptions options, MessageIntake intake, IntakeWriter writer, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    /// <summary>The alarm for a message the database refused as it was; its bytes are kept in the alarm.</summary>
    public const string Unstorable = "unstorable";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<Received> _received =
        Channel.CreateBounded<Received>(new BoundedChannelOptions(ushort.MaxValue) { SingleReader = true, SingleWriter = true });

    // One batch read while the one before it is written: the signature checks overlap the database's work.
    private readonly Channel<(List<Intake> Intakes, Received[] Messages)> _read =
        Channel.CreateBounded<(List<Intake>, Received[])>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private long _stored;

    /// <summary>Messages written and acknowledged since start.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Publishes a signed request to a gateway at QoS 1; false (and a log line) when the broker cannot be reached now.</summary>
    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or InvalidOperationException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not send {Topic} now ({Problem}); it is asked again later", topic, ex.Message);
        }
    }

    /// <returns>0 when stopped, 1 when the worker could not go on.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            var payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
            return _received.Writer.WriteAsync(new Received(e.ApplicationMessage.Topic, payload, e), cancellationToken).AsTask();
        };

        var reading = ReadAsync(cancellationToken);
        var writing = WriteAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if ((writing.IsFaulted ? writing : reading.IsFaulted ? reading : null) is { } failed)
            {
                // Never a worker that looks alive and stores nothing: stop, and let systemd start it again.
                logger.LogCritical(failed.Exception!.InnerException, "The ingest stopped storing; exiting so it is started again");
                return 1;
            }

            if (!_client.IsConnected)
            {
                await ConnectAsync(cancellationToken);
            }

            await Task.Delay(_client.IsConnected ? TimeSpan.FromSeconds(1) : Reconnect, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return 0;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            // Unacknowledged messages wait at the broker for this worker while it is away.
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 86_400)
            // The broker may send ahead while a batch commits; a batch is bounded by BatchSize, not by this window.
            .WithReceiveMaximum(ushort.MaxValue)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (options.Username is { } user)
        {
            builder.WithCredentials(user, options.PasswordFile is null ? null : (await File.ReadAllTextAsync(options.PasswordFile, cancellationToken)).TrimEnd('\r', '\n'));
        }

        if (options.CaFile is { } caFile)
        {
            var ca = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
            ca.ImportFromPemFile(caFile);
            builder.WithTlsOptions(new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(options.Host).WithTrustChain(ca).Build());
        }

        try
        {
            var result = await _client.ConnectAsync(GateEdge.Publishing.MqttSocketBuffers.Widen(builder.Build(), GateEdge.Publishing.MqttSocketBuffers.CentreBytes), cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                logger.LogWarning("The broker at {Host}:{Port} refused the connection: {Code}", options.Host, options.Port, result.ResultCode);
                return;
            }

            // Events and checkpoints are stored; statuses and answers are only checked, so one forged with a gateway's account raises an alarm.
            string shared = $"$share/{options.Group}/{options.Root}/+/+/+";
            var subscription = new MqttClientSubscribeOptionsBuilder();
            foreach (var what in new[] { "event/+", "checkpoint", "status", "command-result" })
            {
                subscription.WithTopicFilter($"{shared}/{what}", MqttQualityOfServiceLevel.AtLeastOnce);
            }

            await _client.SubscribeAsync(subscription.Build(), cancellationToken);
            logger.LogInformation("Ingesting {Shared}/(event/+, checkpoint, status, command-result) from {Host}:{Port} as {ClientId}", shared, options.Host, options.Port, options.ClientId);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The broker at {Host}:{Port} is not reachable ({Problem}); trying again in {Seconds} s", options.Host, options.Port, ex.Message, Reconnect.TotalSeconds);
        }
    }

    /// <summary>Takes what has arrived, up to a batch, and reads it: the more a worker is behind, the larger its batches and the fewer signatures each event costs.</summary>
    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _received.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<Received>(Math.Min(options.BatchSize, _received.Reader.Count));
                while (batch.Count < options.BatchSize && _received.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await _read.Writer.WriteAsync((intake.ReadAll([.. batch.Select(m => (m.Topic, m.Payload))]), [.. batch]), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _read.Writer.TryComplete();
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await foreach (var (toStore, messages) in _read.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (cancellationToken.IsCancellationRequested || toStore.Count > 0 && !await StoreAsync(toStore, cancellationToken))
            {
                return;
            }

            foreach (var message in messages)
            {
                try
                {
                    await message.Event.AcknowledgeAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or InvalidOperationException)
                {
                    // The connection dropped after the commit: the broker sends it again, and the repeat is one row.
                }
            }

            Interlocked.Add(ref _stored, toStore.Count);
        }
    }

    /// <summary>Stores the batch, waiting out a database that is away; false only when stopping.</summary>
    private async Task<bool> StoreAsync(List<Intake> batch, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await writer.WriteAsync(batch, cancellationToken);
                return true;
            }
            catch (PostgresException ex) when (ex.SqlState.StartsWith("22", StringComparison.Ordinal) && batch.Count > 1)
            {
                // One message the database cannot take as it is must not hold up the rest: one at a time finds it.
                foreach (var one in batch)
                {
                    await StoreAsync([one], cancellationToken);
                }

                return true;
            }
            catch (PostgresException ex) when (ex.SqlState.StartsWith("22", StringComparison.Ordinal) && batch[0] is not RejectedIntake { Kind: Unstorable })
            {
                logger.LogError("{Gateway}: a message the database cannot store as it is ({Problem}); kept as an alarm with its bytes", batch[0].Gateway, ex.MessageText);
                batch = [AsUnstorable(batch[0], ex.MessageText)];
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The database is not reachable ({Problem}); {Count} messages wait unacknowledged, trying again in {Seconds} s", ex.Message, batch.Count, wait.TotalSeconds);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }

        return false;
    }

    private static RejectedIntake AsUnstorable(Intake intake, string problem) => intake switch
    {
        EventIntake e => new RejectedIntake(e.Gateway, e.Topic, e.Seq, Unstorable, problem, [.. System.Text.Encoding.UTF8.GetBytes(e.Header + "\n"), .. e.Body]),
        CheckpointIntake c => new RejectedIntake(c.Gateway, c.Topic, null, Unstorable, problem, c.Message),
        RejectedIntake r => r with { Detail = problem, Kind = Unstorable },
        _ => throw new ArgumentOutOfRangeException(nameof(intake)),
    };

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _client.Dispose();
    }

    private sealed record Received(string Topic, byte[] Payload, MqttApplicationMessageReceivedEventArgs Event);
}
