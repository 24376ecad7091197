using System.Text;
using System.Text.Json;
using static GateEdge.Evidence.JsonFields;
using GateEdge.Evidence;
using GateEdge.Evidence.Verify;

namespace GateEdge.Centre.Ingest;

/// <summary>
/// Reads the messages gateways published (docs/mqtt.md, "What the gateway signs") into what the
/// centre stores: nothing of a body is kept unless the gateway's enrolled key vouches for it, by
/// its signature or through the chain, and the body must name the gateway whose topic it came on. Pure: the
/// keys are handed in; no database, no broker, no clock.
/// </summary>
internal sealed class MessageIntake(EnrolledKeys enrolled)
{
    /// <summary>What <paramref name="payload"/> on <paramref name="topic"/> becomes, or null when there is nothing to store (an authentic status or answer, another topic).</summary>
    public Intake? Read(string topic, byte[] payload) => ReadAll([(topic, payload)]) is [var one] ? one : null;

    /// <summary>
    /// What a batch of messages becomes, in their order, leaving out what there is nothing to store.
    /// An event is authentic when its own signature holds or when a later authentic event of the same
    /// gateway in the batch names its body's hash as <c>prev</c>, as the auditor's check reads a chain:
    /// a backlog of one gateway then costs one signature check instead of one per event.
    /// </summary>
    public List<Intake> ReadAll(IReadOnlyList<(string Topic, byte[] Payload)> messages)
    {
        var read = new Opened[messages.Count];
        for (int i = 0; i < read.Length; i++)
        {
            read[i] = Open(messages[i].Topic, messages[i].Payload);
        }

        // Newest first within each gateway, so every event's successor is judged before it.
        var vouchedFor = new HashSet<(string Gateway, string Hash)>();
        foreach (int i in Enumerable.Range(0, read.Length).Where(i => read[i].Header is not null)
            .OrderBy(i => read[i].Place.Gateway, StringComparer.Ordinal).ThenByDescending(i => (read[i].Claimed as EventIntake)?.Seq ?? long.MaxValue))
        {
            read[i] = Authenticate(read[i], vouchedFor);
        }

        return [.. read.Select(r => r.Claimed).OfType<Intake>()];
    }

    /// <summary>A message read as far as it can be before its signature is checked.</summary>
    private readonly record struct Opened(GatewayPlace Place, string Topic, byte[] Payload, GatewayMessage.Header? Header, ReadOnlyMemory<byte> Body, string Kind, Intake? Claimed);

    private Opened Open(string topic, byte[] payload)
    {
        if (Place(topic) is not var (place, kind))
        {
            return default;
        }

        var (header, body, problem) = GatewayMessage.Split(payload);
        if (problem is not null)
        {
            return new Opened(place, topic, payload, null, default, kind, Reject(place, topic, payload, null, Finding.Unsigned, problem));
        }

        if (enrolled.KeyProblem(place.Gateway, header) is { } wrongKey)
        {
            return new Opened(place, topic, payload, null, default, kind, Reject(place, topic, payload, null, Finding.BadSignature, wrongKey));
        }

        // Parsed, not believed: nothing of it is kept unless the signature or the next link holds.
        return new Opened(place, topic, payload, header, body, kind, Parse(place, topic, payload, kind, header, body));
    }

    private Opened Authenticate(Opened read, HashSet<(string Gateway, string Hash)> vouchedFor)
    {
        var header = read.Header!.Value;
        var gateway = read.Place.Gateway;
        var chained = read.Claimed is EventIntake e && header.Redacted is null ? e : null;
        bool authentic = chained is not null && vouchedFor.Contains((gateway, EventChain.Hex(chained.Hash)))
            || enrolled.Signed(gateway, header, read.Body.Span);
        if (authentic && chained is not null)
        {
            vouchedFor.Add((gateway, chained.Prev));
        }

        return authentic || read.Kind == "event" && header.Redacted is not null
            ? read
            : read with { Claimed = Reject(read.Place, read.Topic, read.Payload, null, Finding.BadSignature, "the signature does not match the message") };
    }

    private static Intake? Parse(GatewayPlace place, string topic, byte[] payload, string kind, GatewayMessage.Header header, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "gateway") != place.Gateway)
            {
                return Reject(place, topic, payload, null, Finding.BadSignature, "the body names another gateway than its topic");
            }

            return kind switch
            {
                "checkpoint" => ReadCheckpoint(place, topic, payload, root),
                "event" => ReadEvent(place, topic, payload, EventKind(topic), header, body.ToArray(), root),
                _ => null, // a status or an answer: authentic, and nothing the record keeps
            };
        }
        catch (JsonException)
        {
            return Reject(place, topic, payload, null, Finding.BadSignature, "the body is not JSON");
        }
    }

    /// <summary>
    /// The gateway and what it published: <c>event</c> (<c>…/{compound}/{gate}/{gateway}/event/{kind}</c>),
    /// <c>checkpoint</c>, <c>status</c> or <c>command-result</c> (<c>…/{gateway}/{what}</c>).
    /// </summary>
    internal static (GatewayPlace Place, string Kind)? Place(string topic)
    {
        var levels = topic.Split('/');
        int n = levels.Length;
        if (n >= 6 && levels[n - 2] == "event")
        {
            return (new GatewayPlace(levels[n - 5], levels[n - 4], levels[n - 3]), "event");
        }

        return n >= 5 && levels[n - 1] is "checkpoint" or "status" or "command-result" ? (new GatewayPlace(levels[n - 4], levels[n - 3], levels[n - 2]), levels[n - 1]) : null;
    }

    private static string EventKind(string topic) => topic[(topic.LastIndexOf('/') + 1)..];

    private static Intake ReadEvent(GatewayPlace place, string topic, byte[] payload, string kind, GatewayMessage.Header header, byte[] body, JsonElement e)
    {
        if (Long(e, "seq") is not { } seq || seq < 1 || Text(e, "prev") is not { Length: 64 } prev)
        {
            return Reject(place, topic, payload, Long(e, "seq"), Finding.BadSignature, "the event lacks seq or prev");
        }

        if (Text(e, "compound") is { } compound && compound != place.Compound || Text(e, "gate") is { } gate && gate != place.Gate)
        {
            return Reject(place, topic, payload, seq, Finding.BadSignature, "the event names another compound or gate than its topic");
        }

        byte[] hash = EventChain.Hash(body);
        if (header.Redacted is { } asserted)
        {
            if (!EventChain.TryParse(asserted, out hash))
            {
                return Reject(place, topic, payload, seq, Finding.BadSignature, "redacted is not a hex SHA-256");
            }
        }

        var credential = Object(e, "credential");
        var person = Object(e, "person");
        var clock = Object(e, "clock");
        return new EventIntake(place, topic, seq, kind, Guid.TryParse(Text(e, "id"), out var id) ? id : null, prev, hash,
            Encoding.UTF8.GetString(payload, 0, payload.Length - body.Length - 1), body,
            Text(e, "lane"), Text(e, "direction"), Time(e, "time"), Text(e, "outcome"),
            Text(credential, "kind"), Text(credential, "masked"), Text(credential, "sealed"), Text(person, "ref"), Text(person, "class"),
            Long(e, "forSeq"), Text(e, "relay"),
            new EventClock(Bool(clock, "synced"), Guid.TryParse(Text(clock, "boot"), out var boot) ? boot : null, Number(clock, "uptime") is >= 0 and var uptime ? uptime : null));
    }

    private static Intake ReadCheckpoint(GatewayPlace place, string topic, byte[] payload, JsonElement c) =>
        Long(c, "size") is { } size && size >= 0 && Text(c, "head") is { Length: 64 } head && Time(c, "time") is { } time
            ? new CheckpointIntake(place, topic, size, head, time, payload)
            : Reject(place, topic, payload, null, Finding.BadSignature, "the checkpoint lacks size, head or time");

    private static RejectedIntake Reject(GatewayPlace place, string topic, byte[] payload, long? seq, string kind, string detail) =>
        new(place.Gateway, topic, seq, kind, detail, payload);
}
