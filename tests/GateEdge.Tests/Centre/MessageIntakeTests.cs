using System.Security.Cryptography;
using System.Text;
using GateEdge.Centre.Ingest;
using GateEdge.Evidence.Verify;
using GateEdge.Evidence;
using GateEdge.Trust;

namespace GateEdge.Tests.Centre;

/// <summary>What the ingest believes of a message: only what the enrolled gateway key vouches for, and only for the gateway whose topic it came on.</summary>
public sealed class MessageIntakeTests : IDisposable
{
    private const string Base = "gateedge/v1/c-7/east/gw-7";
    private const string Passage = """{"schema":"gateedge.passage/4","id":"0193e7a2-7c1e-7cc0-9a39-3b1c2d4e5f60","seq":12,"prev":"1111111111111111111111111111111111111111111111111111111111111111","time":"2026-12-06T14:03:00+08:00","compound":"c-7","gate":"east","gateway":"gw-7","lane":"lane1","direction":"in","credential":{"kind":"national-id","masked":"110105********002X","sealed":"AQID","device":"lane1-idcard"},"person":{"ref":"R-1","class":"resident"},"outcome":"allow"}""";

    private readonly GatewayKey _key = GatewayKey.Ephemeral();
    private readonly GatewayKey _impostor = GatewayKey.Ephemeral();
    private readonly ECDsa _enrolled = ECDsa.Create();
    private readonly MessageIntake _intake;

    public MessageIntakeTests()
    {
        _enrolled.ImportFromPem(_key.PublicKeyPem);
        _intake = new MessageIntake(new EnrolledKeys(new Dictionary<string, ECDsa> { ["gw-7"] = _enrolled }));
    }

    [Fact]
    public void A_genuine_passage_is_stored_with_its_hash_and_the_columns_investigators_search()
    {
        var stored = Assert.IsType<EventIntake>(_intake.Read($"{Base}/event/passage", GatewayMessage.Signed(_key, Encoding.UTF8.GetBytes(Passage))));

        Assert.Equal((12L, "passage", "c-7", "east", "gw-7"), (stored.Seq, stored.Kind, stored.Place.Compound, stored.Place.Gate, stored.Gateway));
        Assert.Equal(EventChain.Hash(Encoding.UTF8.GetBytes(Passage)), stored.Hash);
        Assert.Equal(Passage, Encoding.UTF8.GetString(stored.Body));
        Assert.StartsWith("{\"kid\":\"" + _key.KeyId, stored.Header, StringComparison.Ordinal);
        Assert.Equal(("allow", "110105********002X", "AQID", "R-1", "resident"), (stored.Outcome, stored.CredentialMasked, stored.CredentialSealed, stored.PersonRef, stored.PersonClass));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 6, 3, 0, TimeSpan.Zero), stored.Time);
    }

    [Fact]
    public void A_passage_signed_with_another_key_under_the_gateways_account_is_refused_as_a_bad_signature()
    {
        var forged = Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/event/passage", GatewayMessage.Signed(_impostor, Encoding.UTF8.GetBytes(Passage))));
        Assert.Equal((Finding.BadSignature, "gw-7"), (forged.Kind, forged.Gateway));
        Assert.Contains("not the one enrolled", forged.Detail, StringComparison.Ordinal);

        // The right key id with a signature over other bytes.
        var altered = GatewayMessage.Compose(_key.KeyId, _key.Sign(Encoding.UTF8.GetBytes(Passage)), Encoding.UTF8.GetBytes(Passage.Replace("allow", "deny", StringComparison.Ordinal)));
        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/event/passage", altered)).Kind);
    }

    [Fact]
    public void An_unsigned_message_is_refused_and_kept_as_evidence()
    {
        var bytes = Encoding.UTF8.GetBytes(Passage);
        var refused = Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/event/passage", bytes));

        Assert.Equal(Finding.Unsigned, refused.Kind);
        Assert.Equal(bytes, refused.Message);
    }

    [Fact]
    public void A_genuine_event_replayed_on_another_gateways_topic_is_refused()
    {
        var other = _intake.Read("gateedge/v1/c-7/east/gw-8/event/passage", GatewayMessage.Signed(_key, Encoding.UTF8.GetBytes(Passage)));
        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(other).Kind); // no key enrolled for gw-8

        using var both = ECDsa.Create();
        both.ImportFromPem(_key.PublicKeyPem);
        var sharedKey = new MessageIntake(new EnrolledKeys(new Dictionary<string, ECDsa> { ["gw-7"] = _enrolled, ["gw-8"] = both }));
        var moved = Assert.IsType<RejectedIntake>(sharedKey.Read("gateedge/v1/c-7/east/gw-8/event/passage", GatewayMessage.Signed(_key, Encoding.UTF8.GetBytes(Passage))));
        Assert.Contains("names another gateway", moved.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_copy_is_stored_under_the_hash_it_asserts_for_the_next_link_to_vouch_for()
    {
        const string original = "1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef";
        var copy = GatewayMessage.Compose(_key.KeyId, _key.Sign("{}"u8), Encoding.UTF8.GetBytes(Passage), replayed: true, redacted: original);

        var stored = Assert.IsType<EventIntake>(_intake.Read($"{Base}/event/passage", copy));
        Assert.Equal(Convert.FromHexString(original), stored.Hash);
    }

    [Fact]
    public void A_genuine_status_or_answer_is_checked_and_not_stored_and_a_forged_one_is_an_alarm()
    {
        var answer = Encoding.UTF8.GetBytes("""{"schema":"gateedge.command-result/1","gateway":"gw-7","id":"c-1","status":"done"}""");

        Assert.Null(_intake.Read($"{Base}/command-result", GatewayMessage.Signed(_key, answer)));
        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/command-result", GatewayMessage.Signed(_impostor, answer))).Kind);
        Assert.Equal(Finding.Unsigned, Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/status", """{"state":"online"}"""u8.ToArray())).Kind);
        Assert.Null(_intake.Read("gateedge/v1/c-7/lists/persons", answer));
    }

    [Theory]
    [InlineData("""{"gateway":"gw-7","prev":"1111111111111111111111111111111111111111111111111111111111111111"}""")]
    [InlineData("""{"gateway":"gw-7","seq":0,"prev":"1111111111111111111111111111111111111111111111111111111111111111"}""")]
    [InlineData("""{"gateway":"gw-7","seq":"12","prev":"1111111111111111111111111111111111111111111111111111111111111111"}""")]
    [InlineData("""{"gateway":"gw-7","seq":12,"prev":"short"}""")]
    [InlineData("""{"gateway":"gw-7","seq":12,"prev":"1111111111111111111111111111111111111111111111111111111111111111","compound":"c-8"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"gateway":"gw-7","seq":12""")]
    public void A_signed_event_without_a_usable_place_in_the_chain_is_refused_not_stored(string body)
    {
        var refused = Assert.IsType<RejectedIntake>(_intake.Read($"{Base}/event/passage", GatewayMessage.Signed(_key, Encoding.UTF8.GetBytes(body))));
        Assert.Equal(Finding.BadSignature, refused.Kind);
    }

    [Fact]
    public void In_a_batch_an_event_is_vouched_for_by_the_next_authentic_event_of_its_gateway_and_by_nothing_else()
    {
        // Four links of gw-7's chain; only the newest carries a signature that holds.
        var bodies = Chain(4);
        var batch = bodies.Select((body, i) => ($"{Base}/event/passage", i == 3 ? GatewayMessage.Signed(_key, body) : WithoutItsSignature(body))).ToList();

        var read = _intake.ReadAll(batch);
        Assert.Equal([1L, 2, 3, 4], read.Select(r => Assert.IsType<EventIntake>(r).Seq));

        // Without the newest, nothing vouches for the others: each is judged by its own signature.
        Assert.All(_intake.ReadAll(batch[..3]), r => Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(r).Kind));

        // A link whose successor is forged is not vouched for by it.
        batch[3] = ($"{Base}/event/passage", WithoutItsSignature(bodies[3]));
        Assert.All(_intake.ReadAll(batch), r => Assert.IsType<RejectedIntake>(r));
    }

    [Fact]
    public void A_forged_event_between_genuine_ones_in_a_batch_is_refused_and_the_genuine_ones_stored()
    {
        var bodies = Chain(3);
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bodies[1]).Replace("\"deny\"", "\"allow\"", StringComparison.Ordinal));
        var read = _intake.ReadAll([
            ($"{Base}/event/passage", GatewayMessage.Signed(_key, bodies[0])),
            ($"{Base}/event/passage", WithoutItsSignature(forged)),
            ($"{Base}/event/passage", GatewayMessage.Signed(_key, bodies[2]))]);

        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(read[1]).Kind);
        Assert.Equal([1L, 3], read.OfType<EventIntake>().Select(e => e.Seq));
    }

    [Fact]
    public void A_redacted_copy_vouches_for_nothing_before_it()
    {
        var bodies = Chain(3);
        var redacted = GatewayMessage.Compose(_key.KeyId, _key.Sign("{}"u8), bodies[1], redacted: EventChain.Hex(EventChain.Hash(bodies[1])));
        var read = _intake.ReadAll([
            ($"{Base}/event/passage", WithoutItsSignature(bodies[0])),
            ($"{Base}/event/passage", redacted),
            ($"{Base}/event/passage", GatewayMessage.Signed(_key, bodies[2]))]);

        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(read[0]).Kind);
        Assert.Equal([2L, 3], read.OfType<EventIntake>().Select(e => e.Seq));
    }

    [Fact]
    public void Another_gateways_authentic_event_naming_a_hash_vouches_for_nothing_of_this_gateway()
    {
        using var otherKey = GatewayKey.Ephemeral();
        using var otherEnrolled = ECDsa.Create();
        otherEnrolled.ImportFromPem(otherKey.PublicKeyPem);
        var intake = new MessageIntake(new EnrolledKeys(new Dictionary<string, ECDsa> { ["gw-7"] = _enrolled, ["gw-8"] = otherEnrolled }));
        var mine = Chain(1)[0];
        var theirs = Encoding.UTF8.GetBytes($$"""{"gateway":"gw-8","seq":2,"prev":"{{EventChain.Hex(EventChain.Hash(mine))}}"}""");

        var read = intake.ReadAll([($"{Base}/event/passage", WithoutItsSignature(mine)), ("gateedge/v1/c-7/east/gw-8/event/passage", GatewayMessage.Signed(otherKey, theirs))]);

        Assert.Equal(Finding.BadSignature, Assert.IsType<RejectedIntake>(read[0]).Kind);
        Assert.IsType<EventIntake>(read[1]);
    }

    /// <summary>The first <paramref name="count"/> events of gw-7's chain, each naming the previous one's hash.</summary>
    private static List<byte[]> Chain(int count)
    {
        var bodies = new List<byte[]>();
        string prev = EventChain.Genesis;
        for (int seq = 1; seq <= count; seq++)
        {
            var body = Encoding.UTF8.GetBytes($$"""{"schema":"gateedge.passage/4","seq":{{seq}},"prev":"{{prev}}","compound":"c-7","gate":"east","gateway":"gw-7","outcome":"deny"}""");
            prev = EventChain.Hex(EventChain.Hash(body));
            bodies.Add(body);
        }

        return bodies;
    }

    /// <summary>The gateway's key id with a signature over other bytes, as a forger with its broker account would send it.</summary>
    private byte[] WithoutItsSignature(byte[] body) => GatewayMessage.Compose(_key.KeyId, _key.Sign("something else"u8), body);

    public void Dispose()
    {
        _key.Dispose();
        _impostor.Dispose();
        _enrolled.Dispose();
    }
}
