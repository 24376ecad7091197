using GateEdge.Devices.Voice;
using GateEdge.Prompts;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Support;

/// <summary>A lane prompt board for tests that build lanes by hand; <see cref="Shown"/> collects what the lanes showed.</summary>
internal sealed class PromptBoards
{
    public PromptBoards(TimeProvider time, PromptsOptions? options = null)
    {
        Speech = new SpeechQueues(time);
        Board = new LanePromptBoard(options ?? new PromptsOptions(), Speech, time, NullLogger<LanePromptBoard>.Instance);
        Board.Changed += d => Shown.Add(d);
    }

    public LanePromptBoard Board { get; }

    public SpeechQueues Speech { get; }

    public List<LaneDisplay> Shown { get; } = [];
}
