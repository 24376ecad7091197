using System.Threading.Channels;
using GateEdge.Events;

namespace GateEdge.Commands;

/// <summary>
/// Where the MQTT publisher (the one owner of the connection) drops what the centre sends and
/// picks up the results, so messages are carried out off the client's receive path. Bounded
/// before anything is copied: a message over its size limit is refused by its length alone, and
/// the messages waiting together may hold at most <see cref="MaxQueuedBytes"/>.
/// </summary>
internal sealed class CommandInbox(CommandOptions options)
{
    /// <summary>Two of the largest updates the centre may send, waiting at once.</summary>
    public const long MaxQueuedBytes = 2L * MaxListMessageBytes;

    /// <summary>A signed list or persons update: its body and the signature line.</summary>
    public const int MaxListMessageBytes = Registry.ListUpdates.MaxPayloadBytes + Trust.SignedMessage.MaxHeaderBytes + 1;

    private const int MaxQueuedMessages = 100;

    private readonly Channel<InboundMessage> _received = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<CommandResult> _results = Channel.CreateUnbounded<CommandResult>();
    private readonly Lock _counting = new();
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
    /// Queues a message of <paramref name="length"/> bytes, copied by <paramref name="copy"/> only once it fits.
    /// False when the inbox is full: a flood is shed, not queued without bound.
    /// </summary>
    public bool TryReceive(InboundKind kind, string name, long length, Func<byte[]> copy)
    {
        int max = MaxBytes(kind, name);
        bool tooLarge = length > max;
        long bytes = tooLarge ? 0 : length;
        lock (_counting)
        {
            if (_queuedMessages >= MaxQueuedMessages || _queuedBytes + bytes > MaxQueuedBytes)
            {
                return false;
            }

            _queuedMessages++;
            _queuedBytes += bytes;
        }

        return _received.Writer.TryWrite(tooLarge
            ? new InboundMessage(kind, name, default, $"message of {length} bytes exceeds the {max}-byte limit")
            : new InboundMessage(kind, name, copy()));
    }

    /// <summary>The next message, once there is one; its bytes no longer count against the inbox.</summary>
    public async ValueTask<InboundMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = await _received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_counting)
        {
            _queuedMessages--;
            _queuedBytes -= message.Payload.Length;
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
