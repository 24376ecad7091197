using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Inputs;
using GateEdge.Journal;
using GateEdge.Rules;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// The guard's side of an attended lane: who is on duty (their card signs them on and off), and
/// the referred attempt that waits for their confirm or deny key, or expires.
/// </summary>
internal sealed partial class LaneCoordinator
{
    private RegisteredPerson? _guard;
    private Referral? _referral;
    private long _referrals;

    private Task OnGuardKeyAsync(GuardKeyPressed pressed, CancellationToken cancellationToken)
    {
        if (_referral is null)
        {
            LogGuardKeyIgnored(_lane.Id, pressed.Key);
            return Task.CompletedTask;
        }

        return pressed.Key == GuardKey.Confirm
            ? CloseReferralAsync(GuardVerdict.Allow, "the guard let the person through", cancellationToken)
            : CloseReferralAsync(GuardVerdict.Deny, "the guard refused", cancellationToken);
    }

    /// <summary>A guard's card at an attended lane signs them on, replacing whoever was on duty, or off if it was them.</summary>
    private Task GuardCardAsync(RegisteredPerson guard, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var previous = _guard;
        bool signOn = previous?.Reference != guard.Reference;
        _guard = signOn ? guard : null;
        return _recorder.RecordGuardDutyAsync(new GuardDutyChange(_lane, guard.Reference, signOn, signOn ? previous?.Reference : null, at), cancellationToken);
    }

    private void StartReferral(EventStamp passage, Credential credential, RegisteredPerson? person, string? exitingHousehold)
    {
        long id = ++_referrals;
        var timer = _time.CreateTimer(_ => Post(new LaneInput.GuardDecisionTimedOut(id)), null, _policy.GuardDecisionTimeout, Timeout.InfiniteTimeSpan);
        _referral = new Referral(id, passage, credential, person, timer, exitingHousehold);
    }

    private Task CloseReferralAsync(GuardVerdict verdict, string reason, CancellationToken cancellationToken)
    {
        var referral = _referral!;
        _referral = null;
        referral.Timer.Dispose();
        if (verdict == GuardVerdict.Allow)
        {
            // The guard saw the person: a fever hold on them is the guard's to lift.
            _feverHolds.Release(referral.Credential, referral.Person);
            if (referral.ExitingHousehold is { } household)
            {
                // The guard let a household member out: that exit counts like any other.
                RecordExit(household, _time.GetUtcNow());
            }
        }

        return _recorder.RecordOverrideAsync(new GuardOverride(_lane, referral.Passage, _guard?.Reference, verdict, reason, _time.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: guard pressed {Key} with nothing referred; ignored")]
    private partial void LogGuardKeyIgnored(string lane, GuardKey key);

    private sealed record Referral(long Id, EventStamp Passage, Credential Credential, RegisteredPerson? Person, ITimer Timer, string? ExitingHousehold);
}
