using System.Threading.Channels;
using GateEdge.Events;

namespace GateEdge.Commands;

/// <summary>
/// Where the MQTT publisher (the one owner of the connection) drops what the centre sends and
/// picks up the results, so messages are carried out off the client's receive path. Bounded
/// before anything is copied: a message over its size limit is refused by its length alone, and
/// the messages waiting together may hold at most <see cref="MaxQueuedBytes"/>. The signature is
/// checked on arrival: a message the centre signed is never dropped (when the inbox is full, the
/// receive path waits for room, and the broker holds the rest), while one it did not sign is
/// answered when there is room and otherwise shed, so a flood of junk cannot push a real command out.
/// </summary>
internal sealed class CommandInbox(CommandOptions options, Trust.CentreKeys centre)
{
    /// <summary>Two of the largest updates the centre may send, waiting at once.</summary>
    public const long MaxQueuedBytes = 2L * MaxListMessageBytes;

    /// <summary>A signed list or persons update: its body and the signature line.</summary>
    public const int MaxListMessageBytes = Registry.ListUpdates.MaxPayloadBytes + Trust.SignedMessage.MaxHeaderBytes + 1;

    public const int MaxQueuedMessages = 100;

    private readonly Channel<InboundMessage> _received = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<CommandResult> _results = Channel.CreateUnbounded<CommandResult>();
    private readonly Lock _counting = new();
    private readonly SemaphoreSlim _roomMade = new(0, 1);
    private long _queuedBytes;
    private int _queuedMessages;

    /// <summary>Raised when the centre asks for the retained state again.</summary>
    public event Action? RepublishRequested;

    /// <summary>Raised when a result waits to be published.</summary>
    public event Action? ResultReady;

    public ChannelReader<CommandResult> Results => _results.Reader;

    /// <summary>The largest message accepted: a list, a configuration push, or another command.</summary>
    public int MaxBytes(InboundKind kind, string name) => kind == InboundKind.List ? MaxListMessageBytes
        : name == "config" ? options.MaxConfigPayloadBytes
        : options.MaxPayloadBytes;

    /// <summary>
    /// Queues a message of <paramref name="length"/> bytes, copied by <paramref name="copy"/> only once
    /// its length is within bounds. One the centre signed waits for room; false only for one it did
    /// not sign, shed because the inbox is full.
    /// </summary>
    public async ValueTask<bool> ReceiveAsync(InboundKind kind, string name, long length, Func<byte[]> copy, CancellationToken cancellationToken)
    {
        int max = MaxBytes(kind, name);
        if (length > max)
        {
            return TryQueue(new InboundMessage(kind, name, default, $"message of {length} bytes exceeds the {max}-byte limit"), 0);
        }

        var bytes = copy();
        if (centre.Open(bytes).Refused is not null)
        {
            return TryQueue(new InboundMessage(kind, name, bytes), bytes.Length);
        }

        while (!TryQueue(new InboundMessage(kind, name, bytes), bytes.Length))
        {
            await _roomMade.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private bool TryQueue(InboundMessage message, long bytes)
    {
        lock (_counting)
        {
            if (_queuedMessages > 0 && (_queuedMessages >= MaxQueuedMessages || _queuedBytes + bytes > MaxQueuedBytes))
            {
                return false;
            }

            _queuedMessages++;
            _queuedBytes += bytes;
        }

        return _received.Writer.TryWrite(message);
    }

    /// <summary>The next message, once there is one; its bytes no longer count against the inbox.</summary>
    public async ValueTask<InboundMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = await _received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_counting)
        {
            _queuedMessages--;
            _queuedBytes -= message.Payload.Length;
            if (_roomMade.CurrentCount == 0)
            {
                _roomMade.Release();
            }
        }

        return message;
    }

    public void Complete(CommandResult result)
    {
        _results.Writer.TryWrite(result);
        ResultReady?.Invoke();
    }

    public void RequestRepublish() => RepublishRequested?.Invoke();
}
