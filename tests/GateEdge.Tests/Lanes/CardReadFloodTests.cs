using GateEdge.Devices.CardReaders;
using GateEdge.Lanes;
using GateEdge.Rules;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

/// <summary>More different cards than people can present: refused before the lanes, per reader, for as long as the window holds them.</summary>
public sealed class CardReadFloodTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CardReadFlood _flood;

    public CardReadFloodTests() => _flood = new CardReadFlood(new RulePolicy { MaxCardsPerWindow = 3, CardReadWindow = TimeSpan.FromSeconds(10) }, _time);

    [Fact]
    public void Cards_beyond_the_limit_are_refused_and_the_flood_is_announced_once()
    {
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(_flood.Admit("tags", Card(i), out _)));

        Assert.False(_flood.Admit("tags", Card(4), out bool begins));
        Assert.True(begins);
        Assert.False(_flood.Admit("tags", Card(5), out begins));
        Assert.False(begins);
    }

    [Fact]
    public void The_same_card_held_to_the_reader_counts_once_and_passes_during_a_flood()
    {
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(_flood.Admit("tags", Card(i), out _)));
        Assert.False(_flood.Admit("tags", Card(9), out _));

        Assert.True(_flood.Admit("tags", Card(2), out _));
    }

    [Fact]
    public void A_new_card_passes_once_the_window_has_moved_past_the_flood_and_other_readers_are_never_touched()
    {
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(_flood.Admit("tags", Card(i), out _)));
        Assert.False(_flood.Admit("tags", Card(4), out _));
        Assert.True(_flood.Admit("other", Card(4), out _));

        _time.Advance(TimeSpan.FromSeconds(10.5));

        Assert.True(_flood.Admit("tags", Card(4), out bool begins));
        Assert.False(begins);
    }

    private static Credential Card(int i) => new(CredentialKind.CompoundCard, $"0A0B0C0D{i:X2}");
}
