using System.Text.Json;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Script;

/// <summary>Plays a script's faults on their own timeline, beside the visits.</summary>
internal sealed class FaultPlayer(IReadOnlyList<SimulatorScript.ScriptedFault>? faults, SimulatedGate gate, TextWriter log)
{
    public const string Unplug = "unplug";

    private static readonly Dictionary<string, LineFault> LineFaults = Enum.GetValues<LineFault>()
        .Where(f => f != LineFault.None)
        .ToDictionary(f => JsonNamingPolicy.KebabCaseLower.ConvertName(f.ToString()), StringComparer.Ordinal);

    public static IEnumerable<string> Names => [Unplug, .. LineFaults.Keys];

    public static bool IsKnown(string fault) => fault == Unplug || LineFaults.ContainsKey(fault);

    public Task PlayAsync(CancellationToken cancellationToken) =>
        Task.WhenAll((faults ?? []).Select(f => PlayOneAsync(f, cancellationToken)));

    private async Task PlayOneAsync(SimulatorScript.ScriptedFault fault, CancellationToken cancellationToken)
    {
        var line = gate.Lines[fault.Device];
        await Task.Delay(fault.At, cancellationToken);
        await log.WriteLineAsync($"fault: {fault.Device} {fault.Fault} for {fault.For}");
        if (fault.Fault == Unplug)
        {
            line.Unplug();
        }
        else
        {
            line.Fault = LineFaults[fault.Fault];
        }

        try
        {
            await Task.Delay(fault.For, cancellationToken);
        }
        finally
        {
            line.Fault = LineFault.None;
            line.Replug();
            await log.WriteLineAsync($"fault: {fault.Device} {fault.Fault} over");
        }
    }
}
