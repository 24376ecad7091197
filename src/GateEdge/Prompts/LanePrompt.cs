namespace GateEdge.Prompts;

/// <summary>One thing to tell the person at a lane; <see cref="Seconds"/> fills the rest prompts ("rest 60 s").</summary>
internal sealed record LanePrompt(PromptId Id, int? Seconds = null)
{
    /// <summary>Whether the gate opens with it: green on the lane page. Every other decision is red, a state before the decision neutral.</summary>
    public PromptTone Tone => Id switch
    {
        PromptId.Pass or PromptId.GuardAllowed => PromptTone.Go,
        PromptId.Ready or PromptId.StandAtThermometer or PromptId.Measuring or PromptId.WaitForGuard => PromptTone.Waiting,
        _ => PromptTone.Stop,
    };

    /// <summary>The idle prompt is shown, never spoken: a lane that talks to nobody is a nuisance.</summary>
    public bool Spoken => Id != PromptId.Ready;
}

internal enum PromptTone
{
    Waiting,
    Go,
    Stop,
}
