using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Voice.Protocol;
using GateEdge.Prompts;
using GateEdge.Rules;

namespace GateEdge.Tests.Prompts;

/// <summary>
/// Every outcome and state of the rule catalogue (docs/rules.md) and what the lane tells the
/// person about it, in zh-CN and in English: the table of docs/lane-prompts.md, decided by the real rules.
/// </summary>
public sealed class LanePromptTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly RegisteredPerson Resident = new("R-1", PersonClassification.Resident, null, null, Household: "H-1");
    private static readonly RulePolicy Policy = new() { HouseholdExits = 2 };
    private static readonly ListEntry Entry = new("home quarantine", null, null);

    private static readonly DecisionInput Normal = new(LaneMode.Unattended, Direction.In, CredentialKind.NationalId, Resident, PersonListings.None,
        TemperatureSource.Reading, 36.6m, TemperatureFlow.Fresh, MaskStatus.Worn, Now);

    private static readonly Dictionary<string, DecisionInput> Situations = new()
    {
        ["normal"] = Normal,
        ["key-group watch (never said aloud)"] = Normal with { Listings = new PersonListings(null, Entry) },
        ["quarantined person entering"] = Normal with { Listings = new PersonListings(Entry, null) },
        ["first fever reading"] = Normal with { BodyTemperatureC = 38.1m },
        ["back 12 s before the rest is over"] = Normal with { Flow = new TemperatureFlow(1, 0, Now.AddSeconds(12)) },
        ["no reading in the pairing window"] = Normal with { TemperatureSource = TemperatureSource.NoReading, BodyTemperatureC = null },
        ["implausible reading"] = Normal with { BodyTemperatureC = 30.0m },
        ["third invalid reading"] = Normal with { BodyTemperatureC = 30.0m, Flow = new TemperatureFlow(0, 2, null) },
        ["second fever reading"] = Normal with { BodyTemperatureC = 38.1m, Flow = new TemperatureFlow(1, 0, Now) },
        ["second fever reading, attended"] = Normal with { Mode = LaneMode.Attended, BodyTemperatureC = 38.1m, Flow = new TemperatureFlow(1, 0, Now) },
        ["thermometer down"] = Normal with { TemperatureSource = TemperatureSource.DeviceUnavailable, BodyTemperatureC = null },
        ["no mask"] = Normal with { Mask = MaskStatus.NotWorn },
        ["mask detector down"] = Normal with { Mask = MaskStatus.DeviceUnavailable },
        ["unknown compound card"] = Normal with { Person = null, CredentialKind = CredentialKind.CompoundCard },
        ["registration expired"] = Normal with { Person = Resident with { ValidTo = Now } },
        ["visitor at an unattended lane"] = Normal with { Person = null },
        ["visitor at an attended lane"] = Normal with { Person = null, Mode = LaneMode.Attended },
        ["quarantined person leaving"] = Normal with { Direction = Direction.Out, Listings = new PersonListings(Entry, null) },
        ["household exits used up"] = Normal with { Direction = Direction.Out, HouseholdExitsInPeriod = 2 },
        ["back within the hold after a confirmed fever"] = Normal with { FeverHoldLeft = TimeSpan.FromMinutes(20) },
    };

    public static TheoryData<string, string, string, string> Decisions => new()
    {
        // situation, prompt id, zh-CN, en
        { "normal", "pass", "体温正常，请通行", "Temperature normal. Please go through" },
        { "key-group watch (never said aloud)", "pass", "体温正常，请通行", "Temperature normal. Please go through" },
        { "quarantined person entering", "pass", "体温正常，请通行", "Temperature normal. Please go through" },
        { "first fever reading", "fever-rest", "体温偏高，请休息 60 秒后复测", "Temperature high. Please rest 60 s and measure again" },
        { "back 12 s before the rest is over", "rest-more", "请再休息 12 秒后复测", "Please rest 12 s more before measuring again" },
        { "no reading in the pairing window", "measure-again", "请重新测温", "Please measure again" },
        { "implausible reading", "measure-again", "请重新测温", "Please measure again" },
        { "third invalid reading", "measurement-failed", "测温未成功，请联系值守人员", "Measuring failed. Please contact the staff" },
        { "second fever reading", "fever-see-staff", "体温异常，请联系值守人员", "Temperature abnormal. Please contact the staff" },
        { "back within the hold after a confirmed fever", "fever-held", "近期体温异常，请到值守处", "Temperature abnormal recently. Please see the duty staff" },
        { "second fever reading, attended", "wait-for-guard", "请稍候，值守人员确认中", "Please wait for the guard" },
        { "thermometer down", "device-fault", "设备故障，请联系值守人员", "Device fault. Please contact the staff" },
        { "no mask", "wear-mask", "请佩戴口罩", "Please wear a mask" },
        { "mask detector down", "device-fault", "设备故障，请联系值守人员", "Device fault. Please contact the staff" },
        { "unknown compound card", "unknown-card", "卡片未登记，请联系值守人员", "Card not registered. Please contact the staff" },
        { "registration expired", "registration-not-valid", "登记不在有效期内，请联系值守人员", "Registration not valid now. Please contact the staff" },
        { "visitor at an unattended lane", "visitor-see-staff", "访客请到值守处登记", "Visitors, please register with the staff" },
        { "visitor at an attended lane", "wait-for-guard", "请稍候，值守人员确认中", "Please wait for the guard" },
        { "quarantined person leaving", "contact-staff", "暂不能通行，请联系值守人员", "You cannot pass now. Please contact the staff" },
        { "household exits used up", "exit-limit-reached", "本户外出次数已满，请联系值守人员", "Your household's exits are used up. Please contact the staff" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_decision_has_its_prompt_in_both_languages(string situation, string id, string zhCn, string en)
    {
        var input = Situations[situation];
        var prompt = PromptChooser.For(EntryRules.Decide(input, Policy), input.Mode);

        Assert.Equal((id, zhCn, en), (PromptTable.Id(prompt.Id), PromptTable.Text(prompt, PromptLanguage.ZhCn), PromptTable.Text(prompt, PromptLanguage.En)));
    }

    public static TheoryData<string, string, string> States => new()
    {
        // the lane's state or the guard's key, zh-CN, en
        { "ready", "请刷卡或身份证", "Please present your card" },
        { "stand-at-thermometer", "已读卡，请正对测温区", "Card read. Please face the thermometer" },
        { "measuring", "正在测温，请刷卡", "Measuring… please present your card" },
        { "guard-allowed", "请通行", "Please go through" },
        { "guard-refused", "未获准通行", "Not allowed through" },
        { "guard-timed-out", "请重新刷卡", "Please present your card again" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Each_state_has_its_prompt_in_both_languages(string id, string zhCn, string en)
    {
        var prompt = new LanePrompt(Enum.GetValues<PromptId>().Single(p => PromptTable.Id(p) == id));

        Assert.Equal((zhCn, en), (PromptTable.Text(prompt, PromptLanguage.ZhCn), PromptTable.Text(prompt, PromptLanguage.En)));
    }

    [Fact]
    public void The_tables_above_cover_every_prompt_and_every_situation()
    {
        var covered = Decisions.Select(row => (string)row[1]).Concat(States.Select(row => (string)row[0])).ToHashSet();

        Assert.Equal(Enum.GetValues<PromptId>().Select(PromptTable.Id).Order(), covered.Order());
        Assert.Equal(Situations.Keys.Order(), Decisions.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public void Every_chinese_prompt_is_speakable_by_a_gb2312_module_in_one_frame()
    {
        var gb2312 = SpeechEncodings.For(SpeechEncoding.Gb2312);
        foreach (var id in Enum.GetValues<PromptId>())
        {
            string text = "[v16][t5]" + PromptTable.Text(new LanePrompt(id, 900), PromptLanguage.ZhCn);
            var bytes = gb2312.GetBytes(text);

            Assert.Equal(text, gb2312.GetString(bytes));
            Assert.InRange(bytes.Length, 1, Syn6288Frames.MaxTextBytes);
        }
    }
}
