using GateEdge.Common;

namespace GateEdge.Publishing;

/// <summary>
/// Every topic GateEdge uses, in one place (docs/mqtt.md). One subtree per compound, gate and
/// gateway, so a central service can subscribe to a city, a compound or a single gate with
/// plain wildcards, and shared subscriptions work on any broker.
/// </summary>
internal sealed class Topics(string root, GatewayOptions gateway)
{
    private readonly string _base = $"{root}/{gateway.CompoundId}/{gateway.GateId}/{gateway.Id}";

    /// <summary>Lists the centre pushes to every gateway of a compound: <c>{root}/{compound}/lists/{list}</c>.</summary>
    public string Lists => $"{root}/{gateway.CompoundId}/lists/+";

    /// <summary>
    /// What an inbound topic is, by its exact place, never by a fragment: a list update is
    /// <c>{root}/{compound}/lists/{list}</c>, a command <c>{root}/{compound}/{gate}/{gateway}/command/{name}</c>.
    /// Null for anything else, whatever the ids are called.
    /// </summary>
    public (global::GateEdge.Commands.InboundKind Kind, string Name)? Inbound(string topic)
    {
        string lists = $"{root}/{gateway.CompoundId}/lists/", commands = $"{_base}/command/";
        return topic.StartsWith(commands, StringComparison.Ordinal) && Level(topic[commands.Length..]) is { } command ? (global::GateEdge.Commands.InboundKind.Command, command)
            : topic.StartsWith(lists, StringComparison.Ordinal) && Level(topic[lists.Length..]) is { } list ? (global::GateEdge.Commands.InboundKind.List, list)
            : null;

        static string? Level(string rest) => rest.Length > 0 && !rest.Contains('/') ? rest : null;
    }

    /// <summary>Where a journalled event of <paramref name="kind"/> (<see cref="Events.EventKinds"/>) is published: <c>…/event/{kind}</c>.</summary>
    public string Event(string kind) => $"{_base}/event/{kind}";

    public string PassageEvents => Event(Events.EventKinds.Passage);

    /// <summary>Retained: the newest signed checkpoint of this gateway's chain.</summary>
    public string Checkpoint => $"{_base}/checkpoint";

    /// <summary>Retained: <c>online</c> while connected, <c>offline</c> as the last will.</summary>
    public string Status => $"{_base}/status";

    /// <summary>Retained health of one device.</summary>
    public string DeviceStatus(string device) => $"{_base}/device/{device}/status";

    /// <summary>Commands from the centre: <c>…/command/{name}</c>.</summary>
    public string Commands => $"{_base}/command/+";

    public string CommandResults => $"{_base}/command-result";

    /// <summary>Periodic telemetry, QoS 0.</summary>
    public string Heartbeat => $"{_base}/heartbeat";
}
