using System.Threading.Channels;
using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Inputs;
using GateEdge.Devices.Thermometers;
using GateEdge.Prompts;
using GateEdge.Registry;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// Turns one lane's card reads and readings into attempts: pairs a card with a reading inside
/// the pairing window (either order), folds repeated reads of one card into one presentation,
/// keeps each person's retest flow, and hands every decided attempt to the recorder. At an
/// attended lane it also keeps the guard on duty and holds a referred attempt for the guard's key.
/// It tells the person what the lane waits for (<see cref="LanePromptBoard"/>); the decision's
/// own prompt follows its record (<see cref="DecisionFeed"/>).
/// All inputs are processed one at a time, so the lane's state needs no locks.
/// Every window (duplicate card, pairing, retest memory) is measured on the monotonic clock at the
/// moment an input is handled: a wall clock stepped back or forward never hides a person or
/// pairs a stale reading. The wall clock is only what gets recorded.
/// </summary>
internal sealed partial class LaneCoordinator
{
    private readonly LaneOptions _lane;
    private readonly PromptedLane _prompted;
    private readonly RulePolicy _policy;
    private readonly IPersonRegistry _registry;
    private readonly DeviceHealthBoard _health;
    private readonly IPassageRecorder _recorder;
    private readonly IHouseholdExits _exits;
    private readonly LanePromptBoard _prompts;
    private readonly TimeProvider _time;
    private readonly ValidityClock? _validity;
    private readonly FeverHolds _feverHolds;
    private readonly ThermometerPlausibility? _plausibility;
    private readonly ILogger _logger;
    private readonly Channel<LaneInput> _inputs = Channel.CreateUnbounded<LaneInput>(new UnboundedChannelOptions { SingleReader = true });

    private PendingCard? _pending;
    private long _presentations;
    private bool _maskWorn;

    // After a reading was used, the next person's reading only counts once the sensor has seen
    // nobody: the person just decided may still stand in front of it.
    private bool _awaitingTargetLeave;

    // Written by whoever posts readings: the lane's one thermometer session, one reading at a time.
    private bool _lastPostedShowedSomeone;

    /// <param name="validity">The clock list validity and passes are judged by; the wall clock when none is given.</param>
    /// <param name="feverHolds">The holds shared by the gateway's lanes; this lane's own when none is given.</param>
    /// <param name="plausibility">Judges whether the thermometers still measure; none: every reading is taken.</param>
    public LaneCoordinator(LaneOptions lane, RulePolicy policy, IPersonRegistry registry, DeviceHealthBoard health,
        IPassageRecorder recorder, IHouseholdExits exits, LanePromptBoard prompts, TimeProvider time, ILogger<LaneCoordinator> logger,
        ValidityClock? validity = null, FeverHolds? feverHolds = null, ThermometerPlausibility? plausibility = null)
    {
        _plausibility = plausibility;
        _feverHolds = feverHolds ?? new FeverHolds(policy.FeverHold, time);
        _prompts = prompts;
        _exits = exits;
        _lane = lane;
        _prompted = lane.Prompted();
        _policy = policy;
        _registry = registry;
        _health = health;
        _recorder = recorder;
        _time = time;
        _validity = validity;
        _logger = logger;
    }

    public LaneOptions Lane => _lane;

    /// <summary>Queues an input for the lane; false when it was dropped as telling the lane nothing.</summary>
    public bool Post(LaneInput input)
    {
        if (input is LaneInput.Reading { Value.HasTarget: var someone })
        {
            // A thermometer reports the empty room several times a second all day. Only the change
            // to nobody means anything to the lane (the person just decided has left), so a lane at
            // rest is not woken for every reading.
            if (!someone && !_lastPostedShowedSomeone)
            {
                return false;
            }

            _lastPostedShowedSomeone = someone;
        }

        return _inputs.Writer.TryWrite(input);
    }

    /// <summary>Handles what timers posted so far; lets tests step the lane on a fake clock.</summary>
    internal async Task HandlePostedAsync(CancellationToken cancellationToken)
    {
        while (_inputs.Reader.TryRead(out var input))
        {
            await HandleAsync(input, cancellationToken).ConfigureAwait(false);
        }
    }

    internal Task HandleAsync(LaneInput input, CancellationToken cancellationToken) => input switch
    {
        LaneInput.Card card => OnCardAsync(card.Presented, cancellationToken),
        LaneInput.Reading reading => OnReadingAsync(reading.Value, cancellationToken),
        LaneInput.PairingWindowClosed closed when _pending?.Id == closed.PresentationId =>
            DecidePendingAsync(ThermometerAvailable ? TemperatureSource.NoReading : TemperatureSource.DeviceUnavailable, null, cancellationToken),
        LaneInput.ThermometerLost when _pending is not null =>
            DecidePendingAsync(TemperatureSource.DeviceUnavailable, null, cancellationToken),
        LaneInput.Mask mask => OnMask(mask.Signal),
        LaneInput.GuardKey key => OnGuardKeyAsync(key.Pressed, cancellationToken),
        LaneInput.GuardDecisionTimedOut timedOut when _referral?.Id == timedOut.ReferralId =>
            CloseReferralAsync(GuardVerdict.Expired, $"no guard decision within {_policy.GuardDecisionTimeout.TotalSeconds:0} s: the gate stays shut", cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task OnMask(MaskSignal signal)
    {
        _maskWorn = signal.MaskSeen;
        return Task.CompletedTask;
    }

    /// <summary>The detector's level when the lane decides: the person is in front of it then.</summary>
    private MaskStatus MaskNow() => _lane.MaskDetector switch
    {
        null => MaskStatus.NotChecked,
        var detector when !_health.Get(detector).IsAvailable => MaskStatus.DeviceUnavailable,
        _ => _maskWorn ? MaskStatus.Worn : MaskStatus.NotWorn,
    };

    private bool ThermometerAvailable => _health.Get(_lane.Thermometer).IsAvailable;

    /// <summary>Not yet opened since start: the lane gives it its pairing window before calling it unavailable.</summary>
    private bool ThermometerStarting => _health.Get(_lane.Thermometer).State == DeviceState.Unknown;

    private TimeSpan Since(long stamp) => _time.GetElapsedTime(stamp);

    private async Task OnCardAsync(CardPresented card, CancellationToken cancellationToken)
    {
        long now = _time.GetTimestamp();
        if (_lastPresented.TryGetValue(card.Credential, out var last) && Since(last) < _policy.DuplicateWindow)
        {
            LogDuplicate(_lane.Id);
            return;
        }

        _lastPresented[card.Credential] = now;
        if (_lane.Mode == LaneMode.Attended && _registry.Find(card.Credential) is { IsGuard: true } guard && guard.IsValidAt(card.At))
        {
            await GuardCardAsync(guard, card.At, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_referral is not null)
        {
            // The guard let the referred person stand; the next one is here.
            await CloseReferralAsync(GuardVerdict.Expired, "the next person presented a card before the guard decided: the gate stays shut", cancellationToken).ConfigureAwait(false);
        }

        if (_pending is not null)
        {
            // A new card while one waits for its reading: the first person stepped away.
            await DecidePendingAsync(TemperatureSource.NoReading, null, cancellationToken).ConfigureAwait(false);
        }

        if (!ThermometerAvailable && !ThermometerStarting)
        {
            await DecideAsync(card, TemperatureSource.DeviceUnavailable, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_awaitingTargetLeave)
        {
            // A new person presents while the sensor never reported the last one gone (a lost
            // "nobody" frame): readings from now on are theirs; none taken before counts.
            _awaitingTargetLeave = false;
            _readings.Clear();
        }

        DropStaleReadings();
        if (_readings.Count > 0)
        {
            await DecideAsync(card, TemperatureSource.Reading, _readings[^1].Reading, cancellationToken).ConfigureAwait(false);
            return;
        }

        long id = ++_presentations;
        var timer = _time.CreateTimer(_ => Post(new LaneInput.PairingWindowClosed(id)), null, _policy.PairingWindow, Timeout.InfiniteTimeSpan);
        _pending = new PendingCard(id, card, timer);
        _prompts.Show(_prompted, new LanePrompt(PromptId.StandAtThermometer));
    }

    private async Task OnReadingAsync(ThermometerReading reading, CancellationToken cancellationToken)
    {
        if (!reading.HasTarget)
        {
            _awaitingTargetLeave = false;
            return;
        }

        if (_awaitingTargetLeave)
        {
            return;
        }

        DropStaleReadings();
        bool newPerson = _readings.Count == 0;
        _readings.Add((reading, _time.GetTimestamp()));
        if (_pending is not null)
        {
            await DecidePendingAsync(TemperatureSource.Reading, reading, cancellationToken).ConfigureAwait(false);
        }
        else if (newPerson)
        {
            _prompts.Show(_prompted, new LanePrompt(PromptId.Measuring));
        }
    }

    private Task DecidePendingAsync(TemperatureSource source, ThermometerReading? reading, CancellationToken cancellationToken)
    {
        var pending = _pending!;
        _pending = null;
        pending.Timer.Dispose();
        return DecideAsync(pending.Card, source, reading, cancellationToken);
    }

    private async Task DecideAsync(CardPresented card, TemperatureSource source, ThermometerReading? reading, CancellationToken cancellationToken)
    {
        if (source == TemperatureSource.Reading && reading is not null && _plausibility?.Accept(reading.Device, reading.BodyC, card.Credential) == false)
        {
            // A stuck thermometer is a device fault: decided as if it were unavailable, never on its reading.
            (source, reading) = (TemperatureSource.DeviceUnavailable, null);
        }

        var now = _time.GetUtcNow();
        // The rules judge validity and retest rests by a clock a step of the wall clock does not move (ValidityClock).
        var ruleNow = _validity?.Now ?? now;
        ForgetOldState();
        var person = _registry.Find(card.Credential);
        var flow = _flows.TryGetValue(card.Credential, out var kept) ? kept.AsOf(ruleNow, Since(kept.At)) : TemperatureFlow.Fresh;
        var listings = person is null ? PersonListings.None : _registry.Listings(person.Reference);
        var mask = MaskNow();
        var household = _policy.HouseholdExits > 0 && _lane.Direction == Direction.Out ? person?.Household : null;
        int exits = household is null ? 0 : _exits.CountSince(household, now - _policy.HouseholdExitPeriod);
        var input = new DecisionInput(_lane.Mode, _lane.Direction, card.Credential.Kind, person, listings, source, reading?.BodyC, flow, mask, ruleNow, exits,
            _feverHolds.Left(card.Credential, person));
        var decision = EntryRules.Decide(input, _policy);
        if (decision.Alarms.Contains(AlarmKind.Fever))
        {
            _feverHolds.Hold(card.Credential, person);
        }

        if (decision.NextFlow == TemperatureFlow.Fresh)
        {
            _flows.Remove(card.Credential);
        }
        else
        {
            _flows[card.Credential] = new KeptFlow(decision.NextFlow, ruleNow, _time.GetTimestamp());
        }

        if (reading is not null)
        {
            _readings.Clear();
            _awaitingTargetLeave = true;
        }

        var devices = _lane.Devices.Select(_health.Get).ToArray();
        var stamp = await _recorder.RecordAsync(new LaneAttempt(_lane, card, person, reading, mask, decision, devices, now, _guard?.Reference), cancellationToken).ConfigureAwait(false);
        if (stamp is not { } recorded)
        {
            return;
        }

        if (decision.Outcome == Outcome.Allow && household is not null)
        {
            RecordExit(household, now);
        }
        else if (decision.Outcome == Outcome.Refer && _lane.GuardKeypad is not null)
        {
            StartReferral(recorded, card.Credential, person, household);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lane {Lane}: the same card again within the duplicate window, one presentation")]
    private partial void LogDuplicate(string lane);

    private void RecordExit(string household, DateTimeOffset at) => _exits.Record(household, at, at - _policy.HouseholdExitPeriod);
}
