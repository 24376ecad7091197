using System.Globalization;

namespace GateEdge.Prompts;

/// <summary>
/// Every prompt in every language, in one table (docs/lane-prompts.md shows it). Short enough to
/// read from 3 m and to speak in a few seconds; never a number or a name of the person: a lane's
/// display and its voice are public. <c>{0}</c> is the prompt's seconds.
/// </summary>
internal static class PromptTable
{
    private static readonly Dictionary<PromptId, (string Id, string ZhCn, string En)> Rows = new()
    {
        [PromptId.Ready] = ("ready", "请刷卡或身份证", "Please present your card"),
        [PromptId.StandAtThermometer] = ("stand-at-thermometer", "已读卡，请正对测温区", "Card read. Please face the thermometer"),
        [PromptId.Measuring] = ("measuring", "正在测温，请刷卡", "Measuring… please present your card"),
        [PromptId.Pass] = ("pass", "体温正常，请通行", "Temperature normal. Please go through"),
        [PromptId.FeverRest] = ("fever-rest", "体温偏高，请休息 {0} 秒后复测", "Temperature high. Please rest {0} s and measure again"),
        [PromptId.RestMore] = ("rest-more", "请再休息 {0} 秒后复测", "Please rest {0} s more before measuring again"),
        [PromptId.MeasureAgain] = ("measure-again", "请重新测温", "Please measure again"),
        [PromptId.MeasurementFailed] = ("measurement-failed", "测温未成功，请联系值守人员", "Measuring failed. Please contact the staff"),
        [PromptId.FeverSeeStaff] = ("fever-see-staff", "体温异常，请联系值守人员", "Temperature abnormal. Please contact the staff"),
        [PromptId.FeverHeld] = ("fever-held", "近期体温异常，请到值守处", "Temperature abnormal recently. Please see the duty staff"),
        [PromptId.WearMask] = ("wear-mask", "请佩戴口罩", "Please wear a mask"),
        [PromptId.UnknownCard] = ("unknown-card", "卡片未登记，请联系值守人员", "Card not registered. Please contact the staff"),
        [PromptId.RegistrationNotValid] = ("registration-not-valid", "登记不在有效期内，请联系值守人员", "Registration not valid now. Please contact the staff"),
        [PromptId.VisitorSeeStaff] = ("visitor-see-staff", "访客请到值守处登记", "Visitors, please register with the staff"),
        [PromptId.ContactStaff] = ("contact-staff", "暂不能通行，请联系值守人员", "You cannot pass now. Please contact the staff"),
        [PromptId.ExitLimitReached] = ("exit-limit-reached", "本户外出次数已满，请联系值守人员", "Your household's exits are used up. Please contact the staff"),
        [PromptId.DeviceFault] = ("device-fault", "设备故障，请联系值守人员", "Device fault. Please contact the staff"),
        [PromptId.WaitForGuard] = ("wait-for-guard", "请稍候，值守人员确认中", "Please wait for the guard"),
        [PromptId.GuardAllowed] = ("guard-allowed", "请通行", "Please go through"),
        [PromptId.GuardRefused] = ("guard-refused", "未获准通行", "Not allowed through"),
        [PromptId.GuardTimedOut] = ("guard-timed-out", "请重新刷卡", "Please present your card again"),
    };

    /// <summary>The prompt's stable id, as the lane page and docs/lane-prompts.md name it.</summary>
    public static string Id(PromptId id) => Rows[id].Id;

    public static string Text(LanePrompt prompt, PromptLanguage language)
    {
        var row = Rows[prompt.Id];
        string template = language == PromptLanguage.En ? row.En : row.ZhCn;
        return string.Format(CultureInfo.InvariantCulture, template, prompt.Seconds ?? 0);
    }
}
