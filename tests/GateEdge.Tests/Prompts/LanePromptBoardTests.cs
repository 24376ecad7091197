using GateEdge.Prompts;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Prompts;

/// <summary>The board that takes each lane's prompts to its page and its voice module.</summary>
public sealed class LanePromptBoardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly PromptedLane _lane = new("lane1", Language: "en", Voice: "voice");

    [Fact]
    public void A_failing_display_never_reaches_the_lane_and_the_others_still_hear()
    {
        var boards = new PromptBoards(_time);
        boards.Board.Changed += _ => throw new IOException("the display's pipe is gone");
        var after = new List<string>();
        boards.Board.Changed += d => after.Add(d.Prompt);

        boards.Board.Show(_lane, new LanePrompt(PromptId.Pass), 36.6m);

        Assert.Equal(["pass"], after);
        Assert.True(boards.Speech.For("voice").TryRead(out var said));
        Assert.Equal("Temperature normal. Please go through", said!.Text);
    }

    [Fact]
    public void A_page_opened_during_a_decisions_hold_shows_it_only_for_what_is_left_then_the_idle_prompt()
    {
        var boards = new PromptBoards(_time);
        Assert.Equal("ready", boards.Board.Current(_lane).Prompt);
        boards.Board.Show(_lane, new LanePrompt(PromptId.Pass), 36.6m);

        _time.Advance(TimeSpan.FromSeconds(4.5));
        var during = boards.Board.Current(_lane);
        Assert.Equal(("pass", 2, 36.6m), (during.Prompt, during.HoldSeconds, during.TemperatureC));

        _time.Advance(TimeSpan.FromSeconds(1.5));
        var after = boards.Board.Current(_lane);
        Assert.Equal(("ready", "Please present your card", "waiting", null, 0), (after.Prompt, after.Text, after.Tone, after.TemperatureC, after.HoldSeconds));
    }

    [Fact]
    public void The_idle_prompt_is_shown_never_spoken_and_names_appear_only_when_asked()
    {
        var quiet = new PromptBoards(_time);
        quiet.Board.Show(_lane, new LanePrompt(PromptId.Ready));
        quiet.Board.Show(_lane, new LanePrompt(PromptId.Pass), 36.6m, "张*");

        Assert.Equal(["ready", "pass"], quiet.Shown.Select(d => d.Prompt));
        Assert.Null(quiet.Shown[1].Name);
        Assert.True(quiet.Speech.For("voice").TryRead(out var said));
        Assert.Equal("Temperature normal. Please go through", said!.Text);
        Assert.False(quiet.Speech.For("voice").TryRead(out _));

        var named = new PromptBoards(_time, new PromptsOptions { ShowMaskedName = true });
        named.Board.Show(_lane, new LanePrompt(PromptId.Pass), 36.6m, "张*");
        Assert.Equal(("张*", "go", 6, "Please present your card"), (named.Shown[0].Name, named.Shown[0].Tone, named.Shown[0].HoldSeconds, named.Shown[0].ReadyText));
    }
}
