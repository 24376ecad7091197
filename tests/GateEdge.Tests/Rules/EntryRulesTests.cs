using GateEdge.Devices.CardReaders;
using GateEdge.Events;
using GateEdge.Rules;

namespace GateEdge.Tests.Rules;

/// <summary>The rows of the rule catalogue in docs/rules.md, in both lane modes, with their boundaries.</summary>
public sealed class EntryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly RegisteredPerson Resident = new("R-1", PersonClassification.Resident, null, null);
    private static readonly RulePolicy Policy = new();

    public static TheoryData<string, string, string, string, string, string> TemperatureRows => new()
    {
        // reading (°C, or "none"/"down"), mode, fever readings so far, outcome, deciding rules, their reason codes
        { "36.6", "unattended", "0", "allow", "R1,R3,R4", "registered,temperature-normal,mask-worn" },
        { "37.29", "unattended", "0", "allow", "R1,R3,R4", "registered,temperature-normal,mask-worn" },
        { "37.30", "unattended", "0", "retest", "R3", "fever-retest" },
        { "38.1", "unattended", "0", "retest", "R3", "fever-retest" },
        { "38.1", "unattended", "1", "deny", "R3", "fever" },
        { "38.1", "attended", "1", "refer", "R3", "fever" },
        { "37.2", "unattended", "1", "allow", "R1,R3,R4", "registered,temperature-normal,mask-worn" },
        { "34.0", "unattended", "0", "allow", "R1,R3,R4", "registered,temperature-normal,mask-worn" },
        { "33.99", "unattended", "0", "retest", "R3", "reading-out-of-range" },
        { "42.5", "unattended", "0", "retest", "R3", "fever-retest" },
        { "42.51", "unattended", "0", "retest", "R3", "reading-out-of-range" },
        { "30.0", "unattended", "0", "retest", "R3", "reading-out-of-range" },
        { "none", "unattended", "0", "retest", "R3", "no-reading" },
        { "down", "unattended", "0", "deny", "R3", "thermometer-unavailable" },
        { "down", "attended", "0", "refer", "R3", "thermometer-unavailable" },
    };

    [Theory]
    [MemberData(nameof(TemperatureRows))]
    public void Temperature_rule_rows(string reading, string mode, string feverReadings, string outcome, string rules, string codes)
    {
        var flow = new TemperatureFlow(int.Parse(feverReadings, System.Globalization.CultureInfo.InvariantCulture), 0, null);
        var decision = EntryRules.Decide(Input(reading, Parse<LaneMode>(mode), flow), Policy);

        Assert.Equal(Parse<Outcome>(outcome), decision.Outcome);
        Assert.Equal(rules, string.Join(",", decision.Rules));
        Assert.Equal(decision.Rules.Count, decision.Reasons.Count);
        Assert.Equal(codes, string.Join(",", decision.Codes.Select(Wire.Of)));
    }

    public static TheoryData<string, string, string, string> FeverHoldRows => new()
    {
        // reading within the hold, mode, outcome, reason codes: whatever the person reads now, the hold decides
        { "36.5", "unattended", "deny", "fever-hold" },
        { "38.4", "unattended", "deny", "fever-hold" },
        { "none", "unattended", "deny", "fever-hold" },
        { "36.5", "attended", "refer", "fever-hold" },
    };

    [Theory]
    [MemberData(nameof(FeverHoldRows))]
    public void A_confirmed_fever_holds_the_person_whatever_they_read_now(string reading, string mode, string outcome, string codes)
    {
        var decision = EntryRules.Decide(Input(reading, Parse<LaneMode>(mode)) with { FeverHoldLeft = TimeSpan.FromMinutes(12.5) }, Policy);

        Assert.Equal(Parse<Outcome>(outcome), decision.Outcome);
        Assert.Equal(codes, string.Join(",", decision.Codes.Select(Wire.Of)));
        Assert.Contains("13 min of the hold left", decision.Reasons.Single(), StringComparison.Ordinal);
        Assert.Empty(decision.Alarms); // the centre had its alarm with the fever
        Assert.Equal(TemperatureFlow.Fresh, decision.NextFlow);
    }

    [Fact]
    public void A_hold_that_is_over_leaves_the_reading_to_decide()
    {
        var decision = EntryRules.Decide(Input("36.5") with { FeverHoldLeft = TimeSpan.Zero }, Policy);

        Assert.Equal(Outcome.Allow, decision.Outcome);
    }

    public static TheoryData<string, string, string, string, string> MaskRows => new()
    {
        // mask status, mode, outcome, deciding rules, alarms
        { "Worn", "unattended", "allow", "R1,R3,R4", "" },
        { "NotWorn", "unattended", "deny", "R4", "" },
        { "NotWorn", "attended", "deny", "R4", "" },
        { "DeviceUnavailable", "unattended", "deny", "R4", "DeviceUnavailable" },
        { "DeviceUnavailable", "attended", "refer", "R4", "DeviceUnavailable" },
        { "NotChecked", "attended", "refer", "R4", "" },
    };

    [Theory]
    [MemberData(nameof(MaskRows))]
    public void Mask_rule_rows(string mask, string mode, string outcome, string rules, string alarms)
    {
        var decision = EntryRules.Decide(Input("36.6", Parse<LaneMode>(mode), mask: Parse<MaskStatus>(mask)), Policy);

        Assert.Equal((Parse<Outcome>(outcome), rules, alarms), (decision.Outcome, string.Join(",", decision.Rules), string.Join(",", decision.Alarms)));
    }

    [Fact]
    public void Without_the_mask_requirement_R4_neither_refuses_nor_appears()
    {
        var decision = EntryRules.Decide(Input("36.6", mask: MaskStatus.NotWorn), new RulePolicy { MaskRequired = false });

        Assert.Equal((Outcome.Allow, "R1,R3"), (decision.Outcome, string.Join(",", decision.Rules)));
    }

    [Fact]
    public void A_thermometer_and_a_mask_detector_both_down_raise_one_device_alarm()
    {
        var decision = EntryRules.Decide(Input("down", mask: MaskStatus.DeviceUnavailable), Policy);

        Assert.Equal((Outcome.Deny, "R3,R4"), (decision.Outcome, string.Join(",", decision.Rules)));
        Assert.Equal([AlarmKind.DeviceUnavailable], decision.Alarms);
    }

    public static TheoryData<string, string, int, string, string> ExitLimitRows => new()
    {
        // direction, mode, household exits already in the period (limit 1), outcome, deciding rules
        { "out", "unattended", 0, "allow", "R1,R3,R4,R7" },
        { "out", "unattended", 1, "deny", "R7" },
        { "out", "attended", 1, "refer", "R7" },
        { "in", "unattended", 5, "allow", "R1,R3,R4" },
    };

    [Theory]
    [MemberData(nameof(ExitLimitRows))]
    public void Exit_limit_rule_rows(string direction, string mode, int exits, string outcome, string rules)
    {
        var policy = new RulePolicy { HouseholdExits = 1 };
        var input = Input("36.6", Parse<LaneMode>(mode)) with { Direction = Parse<Direction>(direction), Person = Resident with { Household = "H-1" }, HouseholdExitsInPeriod = exits };

        var decision = EntryRules.Decide(input, policy);

        Assert.Equal((Parse<Outcome>(outcome), rules), (decision.Outcome, string.Join(",", decision.Rules)));
    }

    [Fact]
    public void The_exit_limit_is_off_by_default_and_never_counts_a_person_without_a_household()
    {
        var leaving = Input("36.6") with { Direction = Direction.Out, HouseholdExitsInPeriod = 9 };

        Assert.Equal(Outcome.Allow, EntryRules.Decide(leaving with { Person = Resident with { Household = "H-1" } }, Policy).Outcome);
        Assert.Equal(Outcome.Allow, EntryRules.Decide(leaving, new RulePolicy { HouseholdExits = 1 }).Outcome);
        Assert.Equal("household exit limit reached: 1 in 2 days",
            EntryRules.Decide(leaving with { Person = Resident with { Household = "H-1" } }, new RulePolicy { HouseholdExits = 1 }).Reasons.Single());
    }

    [Fact]
    public void A_first_fever_reading_starts_the_rest_and_the_second_raises_the_fever_alarm()
    {
        var first = EntryRules.Decide(Input("38.1"), Policy);
        Assert.Equal(new TemperatureFlow(1, 0, Now + Policy.RetestRest), first.NextFlow);
        Assert.Empty(first.Alarms);

        var early = EntryRules.Decide(Input("38.1", flow: first.NextFlow, now: Now + Policy.RetestRest - TimeSpan.FromSeconds(1)), Policy);
        Assert.Equal(Outcome.Retest, early.Outcome);
        Assert.Equal(TemperatureStatus.Resting, early.TemperatureStatus);
        Assert.Equal(first.NextFlow, early.NextFlow);
        Assert.Equal((ReasonCode.RestBeforeRetest, 1), (early.Verdicts[1].Code, early.Verdicts[1].RestSeconds));
        Assert.Equal(60, first.Verdicts[1].RestSeconds);

        var second = EntryRules.Decide(Input("38.1", flow: first.NextFlow, now: Now + Policy.RetestRest), Policy);
        Assert.Equal(Outcome.Deny, second.Outcome);
        Assert.Equal([AlarmKind.Fever], second.Alarms);
        Assert.Equal(TemperatureFlow.Fresh, second.NextFlow);
    }

    [Fact]
    public void Three_invalid_readings_in_a_row_refer_to_the_guard()
    {
        var flow = TemperatureFlow.Fresh;
        var outcomes = new List<Outcome>();
        foreach (var reading in new[] { "30.0", "none", "45.0" })
        {
            var decision = EntryRules.Decide(Input(reading, flow: flow), Policy);
            outcomes.Add(decision.Outcome);
            flow = decision.NextFlow;
        }

        Assert.Equal([Outcome.Retest, Outcome.Retest, Outcome.Refer], outcomes);
        Assert.Equal(0, flow.InvalidReadings);
    }

    [Fact]
    public void A_valid_reading_ends_a_run_of_invalid_ones()
    {
        var decision = EntryRules.Decide(Input("36.5", flow: new TemperatureFlow(0, 2, null)), Policy);

        Assert.Equal(Outcome.Allow, decision.Outcome);
        Assert.Equal(TemperatureFlow.Fresh, decision.NextFlow);
    }

    [Fact]
    public void A_thermometer_that_is_down_is_never_a_pass()
    {
        var decision = EntryRules.Decide(Input("down"), Policy);

        Assert.Equal(Outcome.Deny, decision.Outcome);
        Assert.Equal(TemperatureStatus.DeviceUnavailable, decision.TemperatureStatus);
        Assert.Contains("device unavailable", decision.Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal([AlarmKind.DeviceUnavailable], decision.Alarms);
    }

    [Theory]
    [InlineData("compoundCard", "unattended", "deny", "deny", "unknown")]
    [InlineData("compoundCard", "attended", "deny", "deny", "unknown")]
    [InlineData("nationalId", "unattended", "deny", "deny", "visitor")]
    [InlineData("nationalId", "unattended", "admit", "allow", "visitor")]
    [InlineData("nationalId", "attended", "deny", "refer", "visitor")]
    public void Identity_rule_for_unregistered_credentials(string kind, string mode, string visitors, string outcome, string personClass)
    {
        var policy = new RulePolicy { UnattendedVisitors = Parse<VisitorPolicy>(visitors) };
        var input = Input("36.6", Parse<LaneMode>(mode)) with { CredentialKind = Parse<CredentialKind>(kind), Person = null };

        var decision = EntryRules.Decide(input, policy);

        Assert.Equal(Parse<Outcome>(outcome), decision.Outcome);
        Assert.Equal(Parse<PersonClassification>(personClass), decision.PersonClass);
        Assert.Contains("R1", decision.Rules);
    }

    [Fact]
    public void A_registration_outside_its_validity_window_is_refused_at_its_edges()
    {
        var visitor = new RegisteredPerson("V-1", PersonClassification.Visitor, Now, Now.AddHours(2));

        Outcome At(DateTimeOffset t) => EntryRules.Decide(Input("36.6", now: t) with { Person = visitor }, Policy).Outcome;

        Assert.Equal(Outcome.Deny, At(Now.AddTicks(-1)));
        Assert.Equal(Outcome.Allow, At(Now));
        Assert.Equal(Outcome.Allow, At(Now.AddHours(2).AddTicks(-1)));
        Assert.Equal(Outcome.Deny, At(Now.AddHours(2)));
    }

    [Fact]
    public void The_most_restrictive_verdict_decides_and_both_rules_are_named_when_they_agree()
    {
        var decision = EntryRules.Decide(Input("down") with { Person = null, CredentialKind = CredentialKind.CompoundCard }, Policy);

        Assert.Equal(Outcome.Deny, decision.Outcome);
        Assert.Equal(["R1", "R3"], decision.Rules);
    }

    public static TheoryData<string, string, string, string, string> ListRows => new()
    {
        // direction, listing, reading, outcome, deciding rules
        { "out", "quarantine", "36.6", "deny", "R5" },
        { "in", "quarantine", "36.6", "allow", "R1,R3,R4,R5" },
        { "out", "quarantine", "38.1", "deny", "R5" },
        { "in", "key-group", "36.6", "allow", "R1,R3,R4,R6" },
        { "out", "key-group", "36.6", "allow", "R1,R3,R4,R6" },
        { "in", "key-group", "38.1", "retest", "R3" },
        { "out", "both", "36.6", "deny", "R5" },
        { "out", "none", "36.6", "allow", "R1,R3,R4" },
    };

    [Theory]
    [MemberData(nameof(ListRows))]
    public void Quarantine_and_key_group_rules_rows(string direction, string listing, string reading, string outcome, string rules)
    {
        var entry = new ListEntry("returned from abroad 2026-11-20", null, null);
        var listings = listing switch
        {
            "quarantine" => new PersonListings(entry, null),
            "key-group" => new PersonListings(null, entry),
            "both" => new PersonListings(entry, entry),
            _ => PersonListings.None,
        };
        var input = Input(reading) with { Direction = Parse<Direction>(direction), Listings = listings };

        var decision = EntryRules.Decide(input, Policy);

        Assert.Equal(Parse<Outcome>(outcome), decision.Outcome);
        Assert.Equal(rules, string.Join(",", decision.Rules));
        Assert.Equal(listing is "quarantine" or "both", decision.Alarms.Contains(AlarmKind.Quarantine));
        Assert.Equal(listing is "key-group" or "both", decision.Alarms.Contains(AlarmKind.KeyGroup));
    }

    [Fact]
    public void A_list_entry_counts_only_inside_its_validity()
    {
        var until = Now.AddDays(14);
        var listings = new PersonListings(new ListEntry("home quarantine", Now, until), null);

        Outcome At(DateTimeOffset t) => EntryRules.Decide(Input("36.6", now: t) with { Direction = Direction.Out, Listings = listings }, Policy).Outcome;

        Assert.Equal(Outcome.Allow, At(Now.AddTicks(-1)));
        Assert.Equal(Outcome.Deny, At(Now));
        Assert.Equal(Outcome.Deny, At(until.AddTicks(-1)));
        Assert.Equal(Outcome.Allow, At(until));
    }

    private static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);

    private static DecisionInput Input(string reading, LaneMode mode = LaneMode.Unattended, TemperatureFlow? flow = null, DateTimeOffset? now = null, MaskStatus mask = MaskStatus.Worn)
    {
        var (source, body) = reading switch
        {
            "none" => (TemperatureSource.NoReading, (decimal?)null),
            "down" => (TemperatureSource.DeviceUnavailable, null),
            _ => (TemperatureSource.Reading, decimal.Parse(reading, System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new DecisionInput(mode, Direction.In, CredentialKind.NationalId, Resident, PersonListings.None, source, body, flow ?? TemperatureFlow.Fresh, mask, now ?? Now);
    }
}
