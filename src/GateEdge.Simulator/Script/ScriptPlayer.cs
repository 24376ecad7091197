namespace GateEdge.Simulator.Script;

/// <summary>Plays a script's visits against a simulated gate, in order, in real time.</summary>
internal sealed class ScriptPlayer(SimulatorScript script, SimulatedGate gate, TextWriter log)
{
    private static readonly TimeSpan CardReadTimeout = TimeSpan.FromSeconds(10);

    public async Task PlayAsync(CancellationToken cancellationToken)
    {
        var people = script.People.ToDictionary(p => p.Name);
        do
        {
            foreach (var visit in script.Visits)
            {
                await Task.Delay(visit.After, cancellationToken);
                await VisitAsync(visit, people[visit.Person], cancellationToken);
            }
        }
        while (script.Loop && !cancellationToken.IsCancellationRequested);
    }

    private async Task VisitAsync(SimulatorScript.Visit visit, Devices.SimPerson person, CancellationToken cancellationToken)
    {
        var thermometer = gate.Thermometers[visit.Thermometer];
        thermometer.SetTarget(visit.BodyC);
        if (visit.MaskDetector is { } detector)
        {
            gate.MaskDetectors[detector].SetMaskWorn(visit.Masked);
        }

        await Task.Delay(script.MeasureFor, cancellationToken);
        if (gate.CompoundCardReaders.TryGetValue(visit.Reader, out var compoundReader))
        {
            // Compound-card readers announce the card themselves; there is no read to wait for.
            compoundReader.Present(person.CompoundCard!);
            await log.WriteLineAsync($"visit: {person.Name} at {visit.Reader}, {visit.BodyC} °C, card presented");
            await Task.Delay(script.LeaveAfter, cancellationToken);
            compoundReader.Remove();
            Leave(thermometer, visit);
            return;
        }

        var reader = gate.Readers[visit.Reader];
        var read = reader.PlaceCard(person);
        try
        {
            await read.WaitAsync(CardReadTimeout, cancellationToken);
            await log.WriteLineAsync($"visit: {person.Name} at {visit.Reader}, {visit.BodyC} °C, card read");
        }
        catch (TimeoutException)
        {
            await log.WriteLineAsync($"visit: {person.Name} at {visit.Reader}: the gateway did not read the card within {CardReadTimeout.TotalSeconds} s");
        }
        finally
        {
            reader.LiftCard();
        }

        await Task.Delay(script.LeaveAfter, cancellationToken);
        Leave(thermometer, visit);
    }

    /// <summary>The person steps away: the thermometer sees the room again, the mask detector nobody.</summary>
    private void Leave(Devices.ISimulatedThermometer thermometer, SimulatorScript.Visit visit)
    {
        thermometer.SetTarget(null);
        if (visit.MaskDetector is { } detector)
        {
            gate.MaskDetectors[detector].SetMaskWorn(false);
        }
    }
}
