namespace GateEdge.Common.Messages;

/// <summary>One catalogue's messages, in the order they are defined: each catalogue lists its own, for the tests that hold every one to both languages.</summary>
internal sealed class MessageList
{
    private readonly List<Message> _messages = [];

    public IReadOnlyList<Message> All => _messages;

    public Message Define(string id, string english, string chinese)
    {
        var message = new Message(id, english, chinese);
        _messages.Add(message);
        return message;
    }
}
