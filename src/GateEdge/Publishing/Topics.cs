using GateEdge.Configuration;

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

    public static bool IsList(string topic) => topic.Contains("/lists/", StringComparison.Ordinal);

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

    /// <summary>The command name of a topic matched by <see cref="Commands"/>.</summary>
    public static string CommandName(string topic) => topic[(topic.LastIndexOf('/') + 1)..];

    /// <summary>Periodic telemetry, QoS 0.</summary>
    public string Heartbeat => $"{_base}/heartbeat";
}
