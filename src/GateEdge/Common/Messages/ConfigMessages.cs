using GateEdge.Common.Messages;
namespace GateEdge.Common.Messages;

/// <summary>What <c>config check</c> and a refused start say about a configuration (config/README.md lists every setting).</summary>
internal static class ConfigMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    // The frame around the problems.
    public static readonly Message Ok = Messages.Define("config.ok", "{file}: OK", "{file}：检查通过");
    public static readonly Message Problems = Messages.Define("config.problems", "{file}: {count} configuration problem(s):", "{file}：配置有 {count} 处问题：");
    public static readonly Message At = Messages.Define("config.at", "line {line}, column {column}: {problem}", "第 {line} 行第 {column} 列：{problem}");
    public static readonly Message OtherSettingAt = Messages.Define("config.other-setting-at", "({setting}, line {line})", "（{setting}，第 {line} 行）");
    public static readonly Message StartRefused = Messages.Define("start.refused", "GateEdge cannot start: {file}: {problems}", "GateEdge 无法启动：{file}：{problems}");
    public static readonly Message SummaryGateway = Messages.Define("config.summary.gateway", "gateway {id} at compound {compound}, gate {gate}", "网关 {id}，小区 {compound}，闸口 {gate}");
    public static readonly Message SummaryLane = Messages.Define("config.summary.lane", "lane {lane}: {direction}, {mode}, readers {readers}, thermometer {thermometer}", "通道 {lane}：{direction}，{mode}，读卡器 {readers}，体温计 {thermometer}");
    public static readonly Message SummaryMask = Messages.Define("config.summary.mask", ", mask detector {device}", "，口罩检测 {device}");
    public static readonly Message SummaryKeypad = Messages.Define("config.summary.keypad", ", guard keypad {device}", "，门卫键盘 {device}");
    public static readonly Message SummaryBroker = Messages.Define("config.summary.broker", "broker {host}:{port}{tls}, journal {journal}", "代理服务器 {host}:{port}{tls}，记录库 {journal}");
    public static readonly Message SummaryTls = Messages.Define("config.summary.tls", " (TLS)", "（TLS）");

    public static readonly Message Warning = Messages.Define("config.warning", "warning: {warning}", "警告：{warning}");
    public static readonly Message DeviceOnNoLane = Messages.Define("config.warn.device-on-no-lane", "'{device}' is on no lane, so nothing it reads is decided; name it in a lane, or remove it", "'{device}' 不属于任何通道，它读到的内容不会被判定；请在通道中引用它，或删除它");
    public static readonly Message UnstablePort = Messages.Define("config.warn.unstable-port", "{port} may name another adapter after a reboot or a replug; use the adapter's /dev/serial/by-id/… name (`gateedge devices list` shows it)", "重启或重新插拔后，{port} 可能指向另一个适配器；请用它的 /dev/serial/by-id/… 名称（`gateedge devices list` 可以查到）");

    public static readonly Message JournalNotADatabase = Messages.Define("config.warn.journal-not-a-database", "{file} is not a journal (no SQLite database): at start the gateway keeps it aside as {file}.damaged-<time>, starts a new journal and tells the centre; keep the damaged file for the district and plan to replace the storage", "{file} 不是记录库（不是 SQLite 数据库）：启动时网关会把它另存为 {file}.damaged-<时间>，新建记录库并通知中心；请把损坏的文件留给街道，并安排更换存储卡");

    // Words inside problems.
    public static readonly Message None = Messages.Define("config.none", "none", "无");
    public static readonly Message Or = Messages.Define("config.or", "{first} or {second}", "{first} 或 {second}");

    // The file itself.
    public static readonly Message EmptyFile = Messages.Define("config.empty-file", "the file holds no settings (it is empty, or only comments): start from the example configuration (config/gateedge.json in the source; the package installs it as /etc/gateedge/gateedge.json) and edit it", "文件里没有任何设置（是空的，或只有注释）：请从示例配置改起（源码中的 config/gateedge.json，安装包装在 /etc/gateedge/gateedge.json）");
    public static readonly Message NotJson = Messages.Define("config.not-json", "not valid JSON: {detail}", "不是有效的 JSON：{detail}");
    public static readonly Message MissingComma = Messages.Define("config.missing-comma", "a comma is missing after this value: put ',' here, before what follows on line {next}", "此值之后缺少逗号：请在这里加上 ','，再接第 {next} 行的内容");
    public static readonly Message UnquotedName = Messages.Define("config.unquoted-name", "a setting's name needs double quotes, as in \"Name\": (found {found})", "设置项名称须加双引号，如 \"Name\":（这里是 {found}）");
    public static readonly Message HoldsNul = Messages.Define("config.holds-nul", "holds a NUL character", "含有 NUL 字符");
    public static readonly Message ExtraComma = Messages.Define("config.extra-comma", "a comma too many: remove this one", "这里多了一个逗号：请删掉");
    public static readonly Message SetTwice = Messages.Define("config.set-twice", "{setting} is set twice (first on line {first}); keep one", "{setting} 设置了两次（第一次在第 {first} 行）；只保留一处");

    // Values the schema refuses.
    public static readonly Message ListExpectedHere = Messages.Define("config.list-expected-here", "a list [ … ] is expected here", "此处应为列表 [ … ]");
    public static readonly Message UnknownSection = Messages.Define("config.unknown-section", "unknown section{suggestion}", "未知的配置节{suggestion}");
    public static readonly Message UnknownSetting = Messages.Define("config.unknown-setting", "unknown setting{suggestion}", "未知的设置项{suggestion}");
    public static readonly Message DidYouMean = Messages.Define("config.did-you-mean", "; did you mean {name}?", "；是否应为 {name}？");
    public static readonly Message KnownHere = Messages.Define("config.known-here", " (known here: {names})", "（此处可用：{names}）");
    public static readonly Message NotOneOfNumbers = Messages.Define("config.not-one-of-numbers", "{value} is not one of {choices}", "{value} 不在可选值之中：{choices}");
    public static readonly Message NotOneOf = Messages.Define("config.not-one-of", "'{value}' is not one of {choices}{suggestion}", "'{value}' 不在可选值之中：{choices}{suggestion}");
    public static readonly Message NotDuration = Messages.Define("config.not-duration", "'{value}' is not a duration: write hh:mm:ss, e.g. 00:00:10 for ten seconds or 00:01:30 for a minute and a half", "'{value}' 不是时长：请写成 时:分:秒，如 00:00:10 为十秒，00:01:30 为一分半");
    public static readonly Message Outside = Messages.Define("config.outside", "{value} is outside {min}–{max}{note}", "{value} 超出范围 {min}–{max}{note}");
    public static readonly Message BareNumberDay = Messages.Define("config.bare-number-day", " (a bare number is read as {count} day: write hh:mm:ss, e.g. 00:00:10 for ten seconds)", "（单写数字按 {count} 天计：请写成 时:分:秒，如 00:00:10 为十秒）");
    public static readonly Message BareNumberDays = Messages.Define("config.bare-number-days", " (a bare number is read as {count} days: write hh:mm:ss, e.g. 00:00:10 for ten seconds)", "（单写数字按 {count} 天计：请写成 时:分:秒，如 00:00:10 为十秒）");
    public static readonly Message NotBoolean = Messages.Define("config.not-boolean", "'{value}' is not true or false", "'{value}' 不是 true 或 false");
    public static readonly Message NotWholeNumber = Messages.Define("config.not-whole-number", "'{value}' is not a whole number", "'{value}' 不是整数");
    public static readonly Message NotNumber = Messages.Define("config.not-number", "'{value}' is not a number", "'{value}' 不是数字");
    public static readonly Message ListExpected = Messages.Define("config.list-expected", "'{value}' is a single value where a list [ … ] is expected", "'{value}' 是单个值，此处应为列表 [ … ]");
    public static readonly Message SectionExpected = Messages.Define("config.section-expected", "'{value}' is a single value where a section { … } is expected", "'{value}' 是单个值，此处应为配置节 { … }");

    // Logging.
    public static readonly Message NotLogLevel = Messages.Define("config.log.not-level", "'{value}' is not a log level ({levels})", "'{value}' 不是日志级别（{levels}）");
    public static readonly Message NotLogLevelShort = Messages.Define("config.log.not-level-short", "'{value}' is not a log level", "'{value}' 不是日志级别");
    public static readonly Message NotLogSink = Messages.Define("config.log.not-sink", "'{value}' is not a log sink GateEdge has ({sinks}); nothing would be logged there", "'{value}' 不是 GateEdge 支持的日志输出（{sinks}）；那里不会记录任何日志");
    public static readonly Message LogFileNeedsPath = Messages.Define("config.log.file-needs-path", "the file sink needs the log file's path (e.g. /var/log/gateedge/gateedge-.json)", "文件日志需要日志文件路径（如 /var/log/gateedge/gateedge-.json）");
    public static readonly Message NotRollingInterval = Messages.Define("config.log.not-rolling-interval", "'{value}' is not one of {choices}", "'{value}' 不在可选值之中：{choices}");
    public static readonly Message NotFormatter = Messages.Define("config.log.not-formatter", "'{value}' is not a formatter GateEdge has; use \"{formatter}, Serilog.Formatting.Compact\" or leave it out for text", "'{value}' 不是 GateEdge 支持的日志格式；请用 \"{formatter}, Serilog.Formatting.Compact\"，或去掉此项以写纯文本");
    public static readonly Message LogPathNotFull = Messages.Define("config.log.path-not-full", "give the log file's full path (e.g. /var/log/gateedge/gateedge-.json)", "请写日志文件的完整路径（如 /var/log/gateedge/gateedge-.json）");
    public static readonly Message LogAmongState = Messages.Define("config.log.among-state", "{path} is among the gateway's state or configuration, which the log's retention could delete; use a folder of its own (e.g. /var/log/gateedge)", "{path} 与网关的状态或配置文件放在一起，日志轮换清理时可能删掉它们；请用单独的目录（如 /var/log/gateedge）");

    // Files.
    public static readonly Message FileMissing = Messages.Define("config.file-missing", "{file} does not exist", "{file} 不存在");
    public static readonly Message FileDenied = Messages.Define("config.file-denied", "{file} cannot be reached by {user}: permission denied; check it as root (sudo gateedge config check), which also asks as the service's user", "{user} 无权访问 {file}：权限不足；请以 root 身份检查（sudo gateedge config check），它也会以服务用户的身份检查");
    public static readonly Message ServiceCannotRead = Messages.Define("config.service-cannot-read", "{file} cannot be read by {user}, the user the service runs as; chown root:{user} it and chmod 640 (and let {user} enter its folders)", "服务运行所用的用户 {user} 读不了 {file}；请 chown root:{user} 并 chmod 640（并让 {user} 能进入它所在的目录）");
    public static readonly Message ServiceCannotWrite = Messages.Define("config.service-cannot-write", "{folder} cannot be written by {user}, the user the service runs as; chown -R {user}: {folder}", "服务运行所用的用户 {user} 不能写入 {folder}；请 chown -R {user}: {folder}");
    public static readonly Message FileProblem = Messages.Define("config.file-problem", "{file}: {detail}", "{file}：{detail}");
    public static readonly Message ConfigFileMissing = Messages.Define("config.config-file-missing", "the configuration file does not exist", "配置文件不存在");
}
