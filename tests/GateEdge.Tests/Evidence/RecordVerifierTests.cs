using System.Security.Cryptography;
using System.Text;
using GateEdge.Common;
using GateEdge.Evidence.Verify;
using GateEdge.Evidence;
using GateEdge.Journal;
using GateEdge.Publishing;
using GateEdge.Trust;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Evidence;

/// <summary>
/// The auditor's check against a record the real journal chained and signed: clean as published,
/// and each way a record is tampered with is named with its gateway, sequence number and kind.
/// </summary>
public sealed class RecordVerifierTests : IAsyncLifetime
{
    private const string Gateway = "gw-7";
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-verify-").FullName;
    private readonly Topics _topics = new("gateedge/v1", new GateEdge.Common.GatewayOptions { Id = Gateway, CompoundId = "c-7", GateId = "east" });
    private GatewayKey _key = null!;
    private List<ReceivedMessage> _stream = null!;

    public async Task InitializeAsync()
    {
        _key = GatewayKey.LoadOrCreate(_dir);
        await using var journal = new EventJournal(Path.Combine(_dir, "journal.db"), 64, TimeProvider.System, NullLogger<EventJournal>.Instance, _key);
        // Six passages; the allowed ones (1, 3, 5) followed by what the relay did.
        for (int i = 1; i <= 6; i++)
        {
            string outcome = i % 2 == 1 ? "allow" : "deny";
            var passage = await journal.Appender.AppendAsync("passage", s => Body(s, $"\"outcome\":\"{outcome}\""));
            if (outcome == "allow")
            {
                await journal.Appender.AppendAsync("actuation", s => Body(s, $"\"forSeq\":{passage.Seq},\"relay\":\"pulsed\""));
            }
        }

        var messages = new EventMessages(_topics, _key.KeyId);
        _stream = [.. journal.Outbox.ReadUndelivered(0, 100).Select(e => messages.For(e, replayed: false)).Select(m => new ReceivedMessage(m.Topic, System.Buffers.BuffersExtensions.ToArray(m.Payload)))];
    }

    [Fact]
    public void The_record_as_published_verifies_clean()
    {
        var report = Verify(_stream);

        Assert.True(report.Clean, string.Join("\n", report.Findings));
        Assert.Empty(report.Findings);
        Assert.Equal((1L, 9L, 9), (report.Gateways[0].FirstSeq, report.Gateways[0].LastSeq, report.Gateways[0].Events));
    }

    [Fact]
    public void A_deleted_event_is_a_gap_with_its_number()
    {
        var report = Verify(_stream.Where((_, i) => i != 3));

        Assert.False(report.Clean);
        Assert.Equal([(Finding.Gap, (long?)4)], report.Findings.Select(f => (f.Kind, f.Seq)));
    }

    [Fact]
    public void An_altered_event_fails_its_signature_and_breaks_the_next_link()
    {
        // seq 3 is a refused passage; someone makes it an allow.
        var altered = _stream.Select((m, i) => i == 2 ? m with { Payload = Replace(m.Payload, "\"outcome\":\"deny\"", "\"outcome\":\"allow\"") } : m);

        var report = Verify(altered);

        Assert.Contains(report.Findings, f => f is { Kind: Finding.BadSignature, Seq: 3, Gateway: Gateway });
        Assert.Contains(report.Findings, f => f is { Kind: Finding.ChainBreak, Seq: 4 });
        Assert.False(report.Clean);
    }

    [Fact]
    public void Two_events_swapped_in_the_history_are_both_named()
    {
        var swapped = _stream.Select((m, i) => i switch
        {
            5 => m with { Payload = Replace(m.Payload, "\"seq\":6,", "\"seq\":7,") },
            6 => m with { Payload = Replace(m.Payload, "\"seq\":7,", "\"seq\":6,") },
            _ => m,
        });

        var report = Verify(swapped);

        Assert.Contains(report.Findings, f => f is { Kind: Finding.BadSignature, Seq: 6 });
        Assert.Contains(report.Findings, f => f is { Kind: Finding.BadSignature, Seq: 7 });
    }

    [Fact]
    public void A_message_from_the_gateways_broker_account_without_its_key_is_flagged()
    {
        using var stranger = GatewayKey.Ephemeral();
        var forgedBody = Encoding.UTF8.GetBytes($$"""{"schema":"gateedge.passage/4","id":"x","seq":999,"prev":"{{EventChain.Genesis}}","gateway":"{{Gateway}}","outcome":"allow"}""");
        var forged = new ReceivedMessage(_topics.PassageEvents, GatewayMessage.Signed(stranger, forgedBody));
        var unsigned = new ReceivedMessage(_topics.CommandResults, Encoding.UTF8.GetBytes("""{"schema":"gateedge.command-result/1","status":"done"}"""));

        var report = Verify([.. _stream, forged, unsigned]);

        Assert.Contains(report.Findings, f => f is { Kind: Finding.BadSignature, Seq: 999 });
        Assert.Contains(report.Findings, f => f.Kind == Finding.Unsigned && f.Detail.Contains("command-result", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeat_with_the_same_bytes_is_harmless_and_one_with_other_bytes_is_not()
    {
        Assert.True(Verify([.. _stream, _stream[2]]).Clean);
        Assert.Equal(1, Verify([.. _stream, _stream[2]]).Gateways[0].HarmlessRepeats);

        var other = _stream[2] with { Payload = Replace(_stream[2].Payload, "\"outcome\":\"deny\"", "\"outcome\":\"allow\"") };
        Assert.Contains(Verify([.. _stream, other]).Findings, f => f is { Kind: Finding.ConflictingRepeat, Seq: 3 });
    }

    [Fact]
    public void A_signed_checkpoint_that_the_events_received_contradict_is_a_fork()
    {
        var honest = Checkpoint(9, EventChain.Hex(EventChain.Hash(GatewayMessage.Split(_stream[8].Payload).Body.Span)));
        var rewritten = Checkpoint(9, new string('b', 64));

        Assert.True(Verify([.. _stream, honest]).Clean);
        Assert.Contains(Verify([.. _stream, rewritten]).Findings, f => f is { Kind: Finding.ForkedCheckpoint, Seq: 9 });
        Assert.Contains(Verify([.. _stream, honest, rewritten]).Findings, f => f is { Kind: Finding.ForkedCheckpoint, Seq: 9 });
    }

    [Fact]
    public void An_allowed_passage_without_its_actuation_record_is_named()
    {
        // seq 2 is the actuation record of passage 1.
        var report = Verify(_stream.Where((_, i) => i != 1));

        Assert.Contains(report.Findings, f => f is { Kind: Finding.NoActuationRecord, Seq: 1 });
    }

    public Task DisposeAsync()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private VerifyReport Verify(IEnumerable<ReceivedMessage> messages)
    {
        using var enrolled = ECDsa.Create();
        enrolled.ImportFromPem(_key.PublicKeyPem);
        var verifier = new RecordVerifier(new EnrolledKeys(new Dictionary<string, ECDsa> { [Gateway] = enrolled }));
        foreach (var message in messages)
        {
            verifier.Add(message);
        }

        return verifier.Finish();
    }

    private ReceivedMessage Checkpoint(long size, string head) => new(_topics.Checkpoint, GatewayMessage.Signed(_key, Encoding.UTF8.GetBytes(
        $$"""{"schema":"gateedge.checkpoint/1","origin":"c-7/east/{{Gateway}}","gateway":"{{Gateway}}","size":{{size}},"head":"{{head}}","time":"2026-12-06T00:00:00Z"}""")));

    private static byte[] Body(EventStamp s, string fields) =>
        Encoding.UTF8.GetBytes($$"""{"schema":"test","id":"{{s.Id}}","seq":{{s.Seq}},"prev":"{{s.Prev}}","gateway":"{{Gateway}}",{{fields}}}""");

    private static byte[] Replace(byte[] payload, string from, string to)
    {
        var text = Encoding.UTF8.GetString(payload);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
