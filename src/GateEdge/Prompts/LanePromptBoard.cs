using System.Collections.Concurrent;
using GateEdge.Devices.Voice;
using Microsoft.Extensions.Logging;

namespace GateEdge.Prompts;

/// <summary>
/// Where every lane's prompts go: it keeps what each lane shows now for its page, tells the page's
/// listeners, and hands the text to the lane's voice module. It never waits on either: a page or a
/// module that is slow, busy or unplugged cannot delay a decision (the voice queue keeps only the
/// newest prompt, which is the one worth saying).
/// </summary>
internal sealed partial class LanePromptBoard(PromptsOptions options, SpeechQueues speech, TimeProvider time, ILogger<LanePromptBoard> logger)
{
    private readonly ConcurrentDictionary<string, LaneDisplay> _current = new(StringComparer.Ordinal);
    private long _serial;

    /// <summary>Raised on the caller's thread for every prompt shown; handlers must not block.</summary>
    public event Action<LaneDisplay>? Changed;

    public PromptLanguage LanguageOf(PromptedLane lane) =>
        PromptLanguages.TryParse(lane.Language ?? options.Language, out var language) ? language : PromptLanguage.ZhCn;

    /// <summary>
    /// What the lane shows now, for a page that opens (or reloads): its last prompt for what is left
    /// of its hold, or the idle one. A page reloaded after a decision never shows the previous
    /// person's verdict to the next one for a whole hold again.
    /// </summary>
    public LaneDisplay Current(PromptedLane lane)
    {
        if (!_current.TryGetValue(lane.Id, out var shown))
        {
            return Display(lane, new LanePrompt(PromptId.Ready), null, null);
        }

        if (shown.HoldSeconds == 0)
        {
            return shown;
        }

        // A clock stepped back makes the hold no longer than it was.
        double elapsed = Math.Max(0, (time.GetUtcNow() - shown.At).TotalSeconds);
        int left = (int)Math.Ceiling(shown.HoldSeconds - elapsed);
        return left > 0 ? shown with { HoldSeconds = left }
            : shown with { Prompt = PromptTable.Id(PromptId.Ready), Text = shown.ReadyText, Tone = Tone(PromptTone.Waiting), TemperatureC = null, Name = null, HoldSeconds = 0 };
    }

    public void Show(PromptedLane lane, LanePrompt prompt, decimal? temperatureC = null, string? maskedName = null)
    {
        var display = Display(lane, prompt, temperatureC, options.ShowMaskedName ? maskedName : null);
        _current[lane.Id] = display;
        if (prompt.Tone == PromptTone.Waiting)
        {
            LogWaitingPrompt(lane.Id, display.Prompt, display.Text);
        }
        else
        {
            LogPrompt(lane.Id, display.Prompt, display.Text);
        }
        if (prompt.Spoken && lane.Voice is { } voice)
        {
            speech.Say(voice, display.Text);
        }

        foreach (var listener in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<LaneDisplay>)listener)(display);
            }
            catch (Exception ex)
            {
                // A display that fails is its own problem; the lane that is deciding goes on.
                LogListenerFailed(ex, lane.Id);
            }
        }
    }

    private LaneDisplay Display(PromptedLane lane, LanePrompt prompt, decimal? temperatureC, string? name)
    {
        var language = LanguageOf(lane);
        bool decision = prompt.Tone != PromptTone.Waiting;
        return new LaneDisplay(lane.Id, Interlocked.Increment(ref _serial), PromptLanguages.Name(language), PromptTable.Id(prompt.Id), PromptTable.Text(prompt, language),
            Tone(prompt.Tone), temperatureC, name, time.GetUtcNow(), decision ? (int)options.HoldTime.TotalSeconds : 0,
            PromptTable.Text(new LanePrompt(PromptId.Ready), language));
    }

    /// <summary>The page's words for the tones, spelt out so that renaming code never changes the page's contract.</summary>
    private static string Tone(PromptTone tone) => tone switch
    {
        PromptTone.Go => "go",
        PromptTone.Stop => "stop",
        _ => "waiting",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lane {Lane}: a display of its prompts failed")]
    private partial void LogListenerFailed(Exception exception, string lane);

    /// <summary>What a decision told the person, beside the decision's own line: what a resident heard is what they will ask about.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane} says {Prompt}: {Text}")]
    private partial void LogPrompt(string lane, string prompt, string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lane {Lane} says {Prompt}: {Text}")]
    private partial void LogWaitingPrompt(string lane, string prompt, string text);
}
