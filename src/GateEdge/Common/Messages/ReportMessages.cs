namespace GateEdge.Common.Messages;

/// <summary>What the technician's read-only verbs print: <c>outbox status</c>, <c>events tail</c>, <c>lists status</c>, <c>identity show</c>.</summary>
internal static class ReportMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    public static readonly Message Journal = Messages.Define("report.journal", "journal {path}", "记录库 {path}");
    public static readonly Message LastSeq = Messages.Define("report.journal.last", "  last sequence     {seq}", "  最新序号      {seq}");
    public static readonly Message Kept = Messages.Define("report.journal.kept", "  events kept       {count}", "  保存的事件    {count}");
    public static readonly Message Undelivered = Messages.Define("report.journal.undelivered", "  not yet delivered {count}", "  尚未送达      {count}");
    public static readonly Message OldestUndelivered = Messages.Define("report.journal.oldest", "  not yet delivered {count}, oldest stored {time}", "  尚未送达      {count}，最早一条存于 {time}");
    public static readonly Message NoJournal = Messages.Define("report.journal.missing",
        "no journal at {path}: the gateway has not run with this configuration yet", "{path} 处没有记录库：网关尚未用此配置运行过");
    public static readonly Message OldJournal = Messages.Define("report.journal.old",
        "the journal at {path} is from an older GateEdge: start the service once (systemctl restart gateedge) to bring it up to date, then ask again",
        "{path} 处的记录库来自较早的 GateEdge 版本：请先启动一次服务（systemctl restart gateedge）使其更新，然后再查询");
    public static readonly Message Delivered = Messages.Define("report.tail.delivered", "delivered", "已送达");
    public static readonly Message Waiting = Messages.Define("report.tail.waiting", "waiting  ", "待送达");
    public static readonly Message TailLine = Messages.Define("report.tail.line",
        "#{seq} {state} {time} {schema} lane {lane} {credential} {bodyC} → {outcome} {rules} {operator}", "#{seq} {state} {time} {schema} 通道 {lane} {credential} {bodyC} → {outcome} {rules} {operator}");
    public static readonly Message NotJson = Messages.Define("report.tail.not-json", "#{seq} {state} ({bytes} bytes, not JSON)", "#{seq} {state}（{bytes} 字节，不是 JSON）");
    public static readonly Message Registry = Messages.Define("report.lists", "registry {path}", "名单库 {path}");
    public static readonly Message ListLine = Messages.Define("report.lists.line", "  {name} version {version} {entries} entries  {arrived}", "  {name} 版本 {version} {entries} 条  {arrived}");
    public static readonly Message FromSeed = Messages.Define("report.lists.seed", "seed file, nothing from the centre yet", "初始名单文件，中心尚未下发");
    public static readonly Message Arrived = Messages.Define("report.lists.arrived", "arrived {time}", "收到于 {time}");
    public static readonly Message StaleMark = Messages.Define("report.lists.stale-mark", "  STALE", "  已过期");
    public static readonly Message Stale = Messages.Define("report.lists.stale",
        "stale: the centre sent these and has not refreshed them in time (quarantine: 1 h, others: 24 h); decisions continue on them. Check the broker connection (gateedge outbox status) and that the centre still publishes them.",
        "已过期：这些名单由中心下发，但未按时更新（隔离名单 1 小时，其他 24 小时）；判定仍按这些名单进行。请检查与 MQTT 服务器的连接（gateedge outbox status），并确认中心仍在发布这些名单。");
    public static readonly Message Gateway = Messages.Define("report.identity.gateway", "gateway {gateway} ({compound}/{gate})", "网关 {gateway}（{compound}/{gate}）");
    public static readonly Message Key = Messages.Define("report.identity.key", "key {key}", "密钥 {key}");
    public static readonly Message Enrol = Messages.Define("report.identity.enrol", "Enrol at the centre as {file}:", "请在中心登记为 {file}：");
}
