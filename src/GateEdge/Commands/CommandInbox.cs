using System.Threading.Channels;
using GateEdge.Events;

namespace GateEdge.Commands;

/// <summary>
/// Where the MQTT publisher (the one owner of the connection) drops received commands and
/// picks up their results, so commands are carried out off the client's receive path.
/// </summary>
internal sealed class CommandInbox
{
    private readonly Channel<(string Command, byte[] Payload)> _received =
        Channel.CreateBounded<(string, byte[])>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Channel<CommandResult> _results = Channel.CreateUnbounded<CommandResult>();

    /// <summary>Raised when the centre asks for the retained state again.</summary>
    public event Action? RepublishRequested;

    /// <summary>Raised when a result waits to be published.</summary>
    public event Action? ResultReady;

    public ChannelReader<(string Command, byte[] Payload)> Received => _received.Reader;

    public ChannelReader<CommandResult> Results => _results.Reader;

    /// <summary>False when the inbox is full: a flood of commands is shed, not queued without bound.</summary>
    public bool TryReceive(string command, byte[] payload) => _received.Writer.TryWrite((command, payload));

    public void Complete(CommandResult result)
    {
        _results.Writer.TryWrite(result);
        ResultReady?.Invoke();
    }

    public void RequestRepublish() => RepublishRequested?.Invoke();
}
