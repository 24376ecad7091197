namespace GateEdge.Common.Messages;

/// <summary>
/// What the status page says (src/GateEdge/StatusPage/status.html), for the technician and for the
/// guard at an attended lane: the page is sent with these templates in its language and fills the
/// placeholders itself.
/// </summary>
internal static class PageMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    public static readonly Message Title = Messages.Define("page.title", "GateEdge {gateway} · compound {compound} · gate {gate} · version {version} · up since {started}", "GateEdge {gateway} · 小区 {compound} · 闸口 {gate} · 版本 {version} · 运行自 {started}");
    public static readonly Message Updated = Messages.Define("page.updated", "updated {time}", "更新于 {time}");
    public static readonly Message Loading = Messages.Define("page.loading", "loading…", "加载中…");
    public static readonly Message NoAnswer = Messages.Define("page.no-answer", "the gateway does not answer: {problem}", "网关没有应答：{problem}");

    public static readonly Message GuardHeading = Messages.Define("page.guard.heading", "Guard duty", "门卫值守");
    public static readonly Message GuardOnDuty = Messages.Define("page.guard.on-duty", "lane {lane}: guard {guard} on duty", "通道 {lane}：门卫 {guard} 值守中");
    public static readonly Message GuardNobody = Messages.Define("page.guard.nobody", "lane {lane}: no guard signed on; a guard signs on with their own card at the lane", "通道 {lane}：没有门卫签到；门卫在通道上刷自己的卡即可签到");
    public static readonly Message Waiting = Messages.Define("page.guard.waiting", "WAITING FOR THE GUARD at lane {lane} since {time}: #{seq} card {card}, {temperature}", "通道 {lane} 等待门卫确认（自 {time} 起）：#{seq}，卡号 {card}，{temperature}");
    public static readonly Message WaitingWhy = Messages.Define("page.guard.why", "Why: {reasons}", "原因：{reasons}");
    public static readonly Message WaitingDo = Messages.Define("page.guard.do", "What to do: {action}", "请这样做：{action}");
    public static readonly Message NoneWaiting = Messages.Define("page.guard.none-waiting", "nobody is waiting for a guard", "没有人在等待门卫确认");

    public static readonly Message Decisions = Messages.Define("page.decisions", "Last decisions", "最近的判定");
    public static readonly Message Lanes = Messages.Define("page.lanes", "Lanes", "通道");
    public static readonly Message Devices = Messages.Define("page.devices", "Devices", "设备");
    public static readonly Message BrokerAndJournal = Messages.Define("page.broker-and-journal", "Broker and journal", "MQTT 服务器与记录库");
    public static readonly Message Lists = Messages.Define("page.lists", "Persons and lists", "人员与名单");

    public static readonly Message ColumnTime = Messages.Define("page.column.time", "time", "时间");
    public static readonly Message ColumnLane = Messages.Define("page.column.lane", "lane", "通道");
    public static readonly Message ColumnCard = Messages.Define("page.column.card", "card", "卡号");
    public static readonly Message ColumnMask = Messages.Define("page.column.mask", "mask", "口罩");
    public static readonly Message ColumnOutcome = Messages.Define("page.column.outcome", "outcome", "结果");
    public static readonly Message ColumnRules = Messages.Define("page.column.rules", "rules", "规则");
    public static readonly Message ColumnReasons = Messages.Define("page.column.reasons", "reasons", "原因");
    public static readonly Message ColumnDirection = Messages.Define("page.column.direction", "direction", "方向");
    public static readonly Message ColumnMode = Messages.Define("page.column.mode", "mode", "模式");
    public static readonly Message ColumnDevice = Messages.Define("page.column.device", "device", "设备");
    public static readonly Message ColumnState = Messages.Define("page.column.state", "state", "状态");
    public static readonly Message ColumnSince = Messages.Define("page.column.since", "since", "起始时间");
    public static readonly Message ColumnFrames = Messages.Define("page.column.frames", "frames", "帧数");
    public static readonly Message ColumnBad = Messages.Define("page.column.bad", "bad", "坏帧");
    public static readonly Message ColumnMissed = Messages.Define("page.column.missed", "missed", "漏答");
    public static readonly Message ColumnDisconnects = Messages.Define("page.column.disconnects", "disconnects", "断开");
    public static readonly Message ColumnReason = Messages.Define("page.column.reason", "reason", "原因");

    public static readonly Message Broker = Messages.Define("page.broker", "broker {address}: {state}", "MQTT 服务器 {address}：{state}");
    public static readonly Message Connected = Messages.Define("page.connected", "connected", "已连接");
    public static readonly Message NotConnected = Messages.Define("page.not-connected", "not connected", "未连接");
    public static readonly Message Since = Messages.Define("page.since", " since {time}", "，自 {time} 起");
    public static readonly Message LastEvent = Messages.Define("page.last-event", "last event #{seq} · {backlog} waiting for the broker", "最新事件 #{seq} · {backlog} 条等待送达");
    public static readonly Message BacklogAlarm = Messages.Define("page.backlog-alarm", "BACKLOG ALARM: the broker has been out of reach for long", "积压告警：长时间连不上 MQTT 服务器");
    public static readonly Message SizeAlarm = Messages.Define("page.size-alarm", "JOURNAL NEARLY FULL: check the broker connection and retention", "记录库将满：请检查 MQTT 服务器连接和保留期");
    public static readonly Message CannotRecord = Messages.Define("page.cannot-record", "CANNOT RECORD: {problem}; gates stay closed", "无法记录：{problem}；闸门保持关闭");
    public static readonly Message IdClash = Messages.Define("page.id-clash", "ANOTHER BOX USES THIS GATEWAY'S ID: {detail}", "另一台盒子在使用本网关的编号：{detail}");
    public static readonly Message ClockNotSynchronised = Messages.Define("page.clock-unsynchronised",
        "CLOCK NOT SYNCHRONISED: recorded times may be off; the centre places them once it is", "时钟未校准：记录的时间可能不准，校准后中心会按开机计时推算");
    public static readonly Message ListPersons = Messages.Define("page.list.persons", "persons", "人员");
    public static readonly Message ListQuarantine = Messages.Define("page.list.quarantine", "quarantine", "隔离名单");
    public static readonly Message ListKeyGroup = Messages.Define("page.list.key-group", "key group", "重点关注名单");
    public static readonly Message Stale = Messages.Define("page.stale", " (stale)", "（已过期）");

    public static readonly Message In = Messages.Define("page.direction.in", "in", "进");
    public static readonly Message Out = Messages.Define("page.direction.out", "out", "出");
    public static readonly Message Attended = Messages.Define("page.mode.attended", "attended", "有人值守");
    public static readonly Message Unattended = Messages.Define("page.mode.unattended", "unattended", "无人值守");
    public static readonly Message Online = Messages.Define("page.state.online", "online", "在线");
    public static readonly Message Degraded = Messages.Define("page.state.degraded", "degraded", "降级");
    public static readonly Message Offline = Messages.Define("page.state.offline", "offline", "离线");
    public static readonly Message Allow = Messages.Define("page.outcome.allow", "allow", "放行");
    public static readonly Message Deny = Messages.Define("page.outcome.deny", "deny", "拒绝");
    public static readonly Message Retest = Messages.Define("page.outcome.retest", "retest", "复测");
    public static readonly Message Refer = Messages.Define("page.outcome.refer", "refer", "转门卫");
    public static readonly Message MaskWorn = Messages.Define("page.mask.worn", "worn", "已戴");
    public static readonly Message MaskNotWorn = Messages.Define("page.mask.not-worn", "not worn", "未戴");
    public static readonly Message MaskNotChecked = Messages.Define("page.mask.not-checked", "not checked", "未检查");
    public static readonly Message MaskUnavailable = Messages.Define("page.mask.device-unavailable", "detector unavailable", "检测设备故障");
    public static readonly Message NoReading = Messages.Define("page.no-reading", "no reading", "无读数");
}
