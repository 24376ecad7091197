using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Devices.Inputs;
using GateEdge.Lanes;
using GateEdge.Registry;
using GateEdge.Rules;
using GateEdge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Lanes;

/// <summary>The guard's side of an attended lane: sign-on with a guard card, and referred attempts decided by key.</summary>
public sealed class AttendedLaneTests
{

    private static readonly Credential Guard = new(CredentialKind.CompoundCard, "7/1");
    private static readonly Credential OtherGuard = new(CredentialKind.CompoundCard, "7/2");
    private static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002X");
    private static readonly Credential Visitor = new(CredentialKind.NationalId, "440304198506120035");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingRecorder _recorder = new();
    private readonly RulePolicy _policy = new();
    private readonly LaneDriver _gate;

    public AttendedLaneTests()
    {
        var health = new DeviceHealthBoard(_time);
        health.Report("thermometer", DeviceState.Online, null);
        health.Report("mask", DeviceState.Online, null);
        var registry = new SeedFileRegistry(
        [
            new RegistryFile.Person("G-1", PersonClassification.Staff, [new RegistryFile.CredentialEntry(Guard.Kind, Guard.Number)], Guard: true),
            new RegistryFile.Person("G-2", PersonClassification.Staff, [new RegistryFile.CredentialEntry(OtherGuard.Kind, OtherGuard.Number)], Guard: true),
            new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Zhang.Kind, Zhang.Number)]),
        ]);
        var options = new LaneOptions { Id = "lane1", Mode = LaneMode.Attended, CardReaders = ["reader"], Thermometer = "thermometer", MaskDetector = "mask", GuardKeypad = "keys" };
        _gate = new LaneDriver(new LaneCoordinator(options, _policy, registry, health, _recorder, new MemoryHouseholdExits(), new PromptBoards(_time).Board, _time, NullLogger<LaneCoordinator>.Instance), _time);
    }

    [Fact]
    public async Task A_guard_card_signs_on_hands_over_and_signs_off_and_the_guard_on_duty_is_in_every_attempt()
    {
        await _gate.Card(Guard);
        await Pass(Zhang);
        await _gate.Advance(_policy.DuplicateWindow);
        await _gate.Card(OtherGuard);
        await _gate.Card(OtherGuard with { }); // the same card again within 3 s is one presentation
        await _gate.Advance(_policy.DuplicateWindow);
        await _gate.Card(OtherGuard);
        await Pass(Zhang);

        Assert.Equal([("G-1", true, null), ("G-2", true, "G-1"), ("G-2", false, null)],
            _recorder.DutyChanges.Select(c => (c.Guard, c.SignOn, c.Previous)));
        Assert.Equal(["G-1", null], _recorder.Recorded.Select(r => r.Attempt.Guard));
    }

    [Fact]
    public async Task A_referred_visitor_waits_for_the_guard_whose_key_is_recorded_as_an_override_of_that_passage()
    {
        await _gate.Card(Guard);
        await Pass(Visitor);
        var (referred, stamp) = _recorder.Recorded.Single();
        Assert.Equal(Outcome.Refer, referred.Decision.Outcome);

        await _gate.Key(GuardKey.Confirm);
        await _gate.Key(GuardKey.Deny); // nothing waits any more: ignored

        var decision = Assert.Single(_recorder.Overrides);
        Assert.Equal((stamp, "G-1", GuardVerdict.Allow), (decision.Passage, decision.Guard, decision.Verdict));
        Assert.Equal(Outcome.Refer, referred.Decision.Outcome); // the original decision stands as recorded
    }

    [Fact]
    public async Task A_referral_expires_after_the_timeout_or_when_the_next_person_presents()
    {
        await Pass(Visitor);
        await _gate.Advance(_policy.GuardDecisionTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_recorder.Overrides);
        await _gate.Advance(TimeSpan.FromMilliseconds(1));

        await _gate.Advance(_policy.DuplicateWindow);
        await Pass(Visitor);
        await _gate.Advance(_policy.DuplicateWindow);
        await Pass(Zhang);
        await _gate.Key(GuardKey.Confirm); // too late for the visitor, and Zhang was allowed anyway

        Assert.Equal([GuardVerdict.Expired, GuardVerdict.Expired], _recorder.Overrides.Select(o => o.Verdict));
        Assert.All(_recorder.Overrides, o => Assert.Null(o.Guard));
        Assert.Contains("within 60 s", _recorder.Overrides[0].Reason, StringComparison.Ordinal);
        Assert.Contains("next person", _recorder.Overrides[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fever_hold_refers_the_person_at_an_attended_lane_until_a_guard_lets_them_through()
    {
        await _gate.Card(Guard);
        await Present(Zhang, 38.2m);
        await _gate.Advance(_policy.RetestRest);
        await Present(Zhang, 38.3m);
        await _gate.Key(GuardKey.Deny);
        Assert.Equal(ReasonCode.Fever, _recorder.Recorded[^1].Attempt.Decision.Codes.Single());

        await _gate.Advance(TimeSpan.FromMinutes(5));
        await Pass(Zhang);
        var held = _recorder.Recorded[^1].Attempt.Decision;
        Assert.Equal((Outcome.Refer, ReasonCode.FeverHold), (held.Outcome, held.Codes.Single()));

        await _gate.Key(GuardKey.Confirm);
        await _gate.Advance(_policy.DuplicateWindow);
        await Pass(Zhang);
        Assert.Equal(Outcome.Allow, _recorder.Recorded[^1].Attempt.Decision.Outcome);
    }

    private async Task Present(Credential credential, decimal bodyC)
    {
        await _gate.Mask(worn: true);
        await _gate.Reading(bodyC);
        await _gate.Card(credential);
        await _gate.NoTarget();
    }

    private async Task Pass(Credential credential)
    {
        await _gate.Mask(worn: true);
        await _gate.Reading(36.6m);
        await _gate.Card(credential);
        await _gate.NoTarget();
    }
}
