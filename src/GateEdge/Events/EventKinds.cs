namespace GateEdge.Events;

/// <summary>
/// The kinds of journalled event. The journal stores an event by its kind; the publisher alone turns
/// a kind into a topic (<c>…/event/{kind}</c>, docs/mqtt.md).
/// </summary>
internal static class EventKinds
{
    public const string Passage = "passage";
    public const string RemoteOpen = "remote-open";
    public const string Guard = "guard";
    public const string Override = "override";
    public const string Actuation = "actuation";
    public const string Alarm = "alarm";
}
