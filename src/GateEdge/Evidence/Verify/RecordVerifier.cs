using System.Text.Json;
using static GateEdge.Evidence.JsonFields;

namespace GateEdge.Evidence.Verify;

/// <summary>
/// The auditor's check of what the centre received from its gateways (docs/mqtt.md, "Checking the
/// record"): every signature line, every chain link, every checkpoint. Per gateway it names gaps,
/// harmless and conflicting repeats, chain breaks, bad or missing signatures, forked checkpoints and
/// openings the gate never confirmed. Every link is checked, not only the ends. An event is
/// authentic when its own signature holds or when the next authentic event's <c>prev</c> is its
/// hash, so signatures are checked where a run of links ends, and hashing does the rest. Pure: it
/// is handed the messages and the enrolled keys.
/// </summary>
internal sealed class RecordVerifier(EnrolledKeys enrolled)
{
    private readonly SortedDictionary<string, GatewayRecord> _records = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private long _messages;

    public void Add(ReceivedMessage message)
    {
        var (gateway, kind) = Place(message.Topic);
        if (gateway is null)
        {
            return; // the centre's own commands and lists, or another application's traffic
        }

        _messages++;
        var (header, body, problem) = GatewayMessage.Split(message.Payload);
        if (problem is not null)
        {
            _findings.Add(new Finding(gateway, Finding.Unsigned, SeqOf(message.Payload), $"{message.Topic}: {problem}"));
            return;
        }

        if (enrolled.KeyProblem(gateway, header) is { } wrongKey)
        {
            _findings.Add(new Finding(gateway, Finding.BadSignature, SeqOf(body.ToArray()), $"{message.Topic}: {wrongKey}"));
            return;
        }

        if (kind == "event")
        {
            AddEvent(gateway, message.Topic, header, body.ToArray());
        }
        else if (!enrolled.Signed(gateway, header, body.Span))
        {
            _findings.Add(new Finding(gateway, Finding.BadSignature, null, $"{message.Topic}: the signature does not match the message"));
        }
        else if (kind == "checkpoint")
        {
            AddCheckpoint(gateway, body.Span);
        }
    }

    public VerifyReport Finish()
    {
        var summaries = new List<VerifyReport.GatewaySummary>();
        foreach (var record in _records.Values)
        {
            Check(record);
            summaries.Add(new VerifyReport.GatewaySummary(record.Gateway, record.Events.Count == 0 ? 0 : record.Events.Keys.First(),
                record.Events.Count == 0 ? 0 : record.Events.Keys.Last(), record.Events.Count, record.HarmlessRepeats, record.Checkpoints.Count));
        }

        return new VerifyReport(_messages, summaries, [.. _findings.OrderBy(f => f.Gateway, StringComparer.Ordinal).ThenBy(f => f.Seq ?? 0)]);
    }

    /// <summary>The gateway and kind of a topic: <c>…/{gateway}/event/{kind}</c>, <c>…/{gateway}/checkpoint</c>, or its status, device, heartbeat and answers.</summary>
    internal static (string? Gateway, string? Kind) Place(string topic)
    {
        var levels = topic.Split('/');
        int n = levels.Length;
        if (topic.Contains("/command/", StringComparison.Ordinal) || topic.Contains("/lists/", StringComparison.Ordinal) || n < 3)
        {
            return (null, null);
        }

        return levels[n - 2] == "event" && n >= 4 ? (levels[n - 3], "event")
            : levels[n - 1] is "checkpoint" or "status" or "heartbeat" or "command-result" && levels[n - 3] != "device" ? (levels[n - 2], levels[n - 1])
            : levels[n - 1] == "status" && n >= 5 && levels[n - 3] == "device" ? (levels[n - 4], "device")
            : (null, null);
    }

    private void AddEvent(string gateway, string topic, GatewayMessage.Header header, byte[] body)
    {
        JsonElement e;
        try
        {
            using var document = JsonDocument.Parse(body);
            e = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            _findings.Add(new Finding(gateway, Finding.BadSignature, null, $"{topic}: the body is not JSON"));
            return;
        }

        if (Long(e, "seq") is not { } seq || Text(e, "prev") is not { } prev || Text(e, "gateway") != gateway)
        {
            _findings.Add(new Finding(gateway, Finding.BadSignature, Long(e, "seq"), $"{topic}: the body lacks seq or prev, or names another gateway"));
            return;
        }

        byte[] hash = EventChain.Hash(body);
        if (header.Redacted is { } asserted)
        {
            if (!EventChain.TryParse(asserted, out hash))
            {
                _findings.Add(new Finding(gateway, Finding.BadSignature, seq, "redacted is not a hex SHA-256"));
                return;
            }

            _findings.Add(new Finding(gateway, Finding.Redacted, seq, "a copy purged of personal data; the original's hash is vouched for by the next event"));
        }

        Record(gateway).Add(new ReceivedEvent(seq, topic[(topic.LastIndexOf('/') + 1)..], prev, hash, body, header,
            Text(e, "id"), Text(e, "outcome") ?? Text(e, "decision"), Long(e, "forSeq") ?? Long(e, "passageSeq"), Text(e, "relay")));
    }

    private void AddCheckpoint(string gateway, ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var c = document.RootElement;
        if (Long(c, "size") is { } size && Text(c, "head") is { } head)
        {
            Record(gateway).Checkpoints.Add((size, head, Text(c, "time") ?? ""));
        }
    }

    private void Check(GatewayRecord record)
    {
        var events = record.Events;
        string gateway = record.Gateway;
        long last = Math.Max(events.Count == 0 ? 0 : events.Keys.Last(), record.Checkpoints.Count == 0 ? 0 : record.Checkpoints.Max(c => c.Size));
        long expected = 1;
        foreach (var seq in events.Keys.Append(last + 1))
        {
            if (seq > expected)
            {
                _findings.Add(new Finding(gateway, Finding.Gap, expected, expected == seq - 1 ? $"event {expected} is missing" : $"events {expected}-{seq - 1} are missing"));
            }

            expected = seq + 1;
        }

        foreach (var (seq, bodies) in events.Where(e => e.Value.Count > 1))
        {
            _findings.Add(new Finding(gateway, Finding.ConflictingRepeat, seq, $"{bodies.Count} different bodies carry this sequence number ({bodies[0].Kind}, {bodies[1].Kind})"));
        }

        CheckLinks(record);
        CheckCheckpoints(record);
        CheckOpenings(record);
    }

    /// <summary>Each link from the newest event down: vouched for by the next authentic event, or by its own signature.</summary>
    private void CheckLinks(GatewayRecord record)
    {
        ReceivedEvent? next = null;
        bool nextAuthentic = false;
        foreach (var (seq, bodies) in record.Events.Reverse())
        {
            var e = bodies[0];
            bool linked = next is not null && next.Seq == seq + 1 && next.Prev == EventChain.Hex(e.Hash);
            if (next is not null && next.Seq == seq + 1 && !linked)
            {
                _findings.Add(new Finding(record.Gateway, Finding.ChainBreak, next.Seq,
                    $"{next.Kind} #{next.Seq} does not follow {e.Kind} #{seq}: one of them was altered, replaced or reordered"));
            }

            bool authentic = (linked && nextAuthentic) || (e.Header.Redacted is null && enrolled.Signed(record.Gateway, e.Header, e.Body));
            if (!authentic)
            {
                _findings.Add(new Finding(record.Gateway, Finding.BadSignature, seq, e.Header.Redacted is null
                    ? $"{e.Kind} #{seq}: its signature does not match its body"
                    : $"{e.Kind} #{seq}: a redacted copy that no authentic event vouches for"));
            }

            if (seq == 1 && e.Prev != EventChain.Genesis)
            {
                _findings.Add(new Finding(record.Gateway, Finding.ChainBreak, 1, "the first event does not start the chain"));
            }

            (next, nextAuthentic) = (e, authentic);
        }
    }

    private void CheckCheckpoints(GatewayRecord record)
    {
        foreach (var group in record.Checkpoints.GroupBy(c => c.Size))
        {
            if (group.Select(c => c.Head).Distinct().Count() > 1)
            {
                _findings.Add(new Finding(record.Gateway, Finding.ForkedCheckpoint, group.Key, "two signed checkpoints give different heads for the same size"));
            }
            else if (record.Events.TryGetValue(group.Key, out var at) && EventChain.Hex(at[0].Hash) != group.First().Head)
            {
                _findings.Add(new Finding(record.Gateway, Finding.ForkedCheckpoint, group.Key,
                    $"the signed checkpoint at {group.Key} ({group.First().Time}) names another head than the event received: the history was rewritten after it"));
            }
        }
    }

    private void CheckOpenings(GatewayRecord record)
    {
        var actuations = record.Events.Values.Select(b => b[0]).Where(e => e.Kind == "actuation" && e.ForSeq is not null).ToDictionary(e => e.ForSeq!.Value);
        foreach (var e in record.Events.Values.Select(b => b[0]))
        {
            bool opens = e.Kind == "remote-open" || (e.Kind is "passage" or "override" && e.Outcome == "allow");
            if (!opens)
            {
                continue;
            }

            if (!actuations.TryGetValue(e.Seq, out var actuation))
            {
                _findings.Add(new Finding(record.Gateway, Finding.NoActuationRecord, e.Seq, $"{e.Kind} #{e.Seq} allowed; no record of what the relay did has arrived"));
            }
            else if (actuation.Relay is "not-confirmed" or "failed")
            {
                _findings.Add(new Finding(record.Gateway, Finding.NotOpened, e.Seq, $"{e.Kind} #{e.Seq} allowed, never opened: relay {actuation.Relay} (actuation #{actuation.Seq})"));
            }
        }
    }

    private GatewayRecord Record(string gateway)
    {
        if (!_records.TryGetValue(gateway, out var record))
        {
            _records[gateway] = record = new GatewayRecord(gateway);
        }

        return record;
    }

    private static long? SeqOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Long(document.RootElement, "seq");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
