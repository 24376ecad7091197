namespace GateEdge.Common.Messages;

/// <summary>
/// The rules' reason codes (docs/rules.md, "Reason codes") in the words a guard uses, and what the
/// guard does for a person referred to them. Ids are <c>reason.</c> and <c>guard-action.</c> plus the code.
/// </summary>
internal static class ReasonMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    static ReasonMessages()
    {
        Reason("registered", "registered", "已登记");
        Reason("registration-not-valid", "registration not valid now", "登记不在有效期内");
        Reason("unknown-compound-card", "compound card not registered", "小区卡未登记");
        Reason("visitor-guard-decides", "visitor: the guard decides", "访客：由门卫决定");
        Reason("visitor-admitted", "visitor let in by the guard", "门卫已放行访客");
        Reason("visitor-not-admitted", "visitor not let in", "访客未获放行");
        Reason("temperature-normal", "temperature normal", "体温正常");
        Reason("fever-retest", "temperature high: rest, then measure again", "体温偏高：休息后复测");
        Reason("fever", "fever: high again on the retest", "发热：复测仍偏高");
        Reason("fever-hold", "fever confirmed a short while ago", "不久前已确认发热");
        Reason("rest-before-retest", "came back before the rest was over", "休息时间未到就来复测");
        Reason("no-reading", "no temperature measured", "没有测到体温");
        Reason("reading-out-of-range", "temperature reading not plausible", "体温读数不合常理");
        Reason("invalid-readings-repeated", "measuring failed again and again", "多次测温都没有成功");
        Reason("thermometer-unavailable", "thermometer out of order", "体温计故障");
        Reason("mask-worn", "mask worn", "已戴口罩");
        Reason("mask-not-worn", "no mask", "没有戴口罩");
        Reason("mask-not-checked", "mask not checked: the guard confirms it", "口罩未检查：由门卫确认");
        Reason("mask-detector-unavailable", "mask detector out of order", "口罩检测设备故障");
        Reason("quarantine-no-exit", "in home quarantine: may not go out", "居家隔离：不能外出");
        Reason("quarantine-entering", "person in quarantine coming home", "隔离人员返回");
        Reason("key-group-watch", "person the community watches", "社区重点关注人员");
        Reason("household-exit-counted", "household's exit counted", "本户外出已计次");
        Reason("household-exit-limit", "household's exits used up", "本户外出次数已满");

        Action("visitor-guard-decides", "check the visitor's ID card and register them; press confirm to let them in, deny to refuse",
            "核对访客身份证并登记；放行按确认键，不放行按拒绝键");
        Action("mask-not-checked", "look whether the person wears a mask over nose and mouth; press confirm if so, deny if not",
            "看清是否戴好口罩（遮住口鼻）；戴好按确认键，没戴好按拒绝键");
        Action("mask-detector-unavailable", "look whether the person wears a mask over nose and mouth; press confirm if so, deny if not, and report the detector",
            "看清是否戴好口罩（遮住口鼻）；戴好按确认键，没戴好按拒绝键，并报修口罩检测设备");
        Action("any", "check the person against the reason above; press confirm to let them through, deny to refuse",
            "按上面的原因核实本人；放行按确认键，不放行按拒绝键");
    }

    /// <summary>The reason a code names, said in the reader's language; null for a code not in the catalogue.</summary>
    public static Message? ForCode(string code) => Messages.All.FirstOrDefault(m => m.Id == "reason." + code);

    private static void Reason(string code, string english, string chinese) => Messages.Define("reason." + code, english, chinese);

    private static void Action(string code, string english, string chinese) => Messages.Define("guard-action." + code, english, chinese);
}
