using GateEdge.Common.Messages;
namespace GateEdge.Common.Messages;

/// <summary>What <c>config check</c> and a refused start say about a configuration (docs/configuration.md).</summary>
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

    // The gateway's identity.
    public static readonly Message TopicLevel = Messages.Define("config.topic-level", "'{value}' must be 1–64 letters, digits, '-' or '_' (it is an MQTT topic level)", "'{value}' 须为 1–64 个字母、数字、'-' 或 '_'（它是 MQTT 主题的一级）");
    public static readonly Message GateNamedLists = Messages.Define("config.gate-named-lists", "'lists' is where the centre publishes the compound's lists (gateedge/v1/{compound}/lists/…); name the gate otherwise", "'lists' 是中心发布小区名单的位置（gateedge/v1/{compound}/lists/…）；请给闸口另起名字");

    // Lanes.
    public static readonly Message NoLanes = Messages.Define("config.no-lanes", "no lane is configured", "没有配置任何通道");
    public static readonly Message LaneIdInvalid = Messages.Define("config.lane-id-invalid", "'{value}' must be 1–64 letters, digits, '-' or '_'", "'{value}' 须为 1–64 个字母、数字、'-' 或 '_'");
    public static readonly Message LaneIdTaken = Messages.Define("config.lane-id-taken", "'{value}' is used by another lane", "'{value}' 已被另一个通道使用");
    public static readonly Message LaneNeedsReader = Messages.Define("config.lane-needs-reader", "rule R1 needs at least one card reader", "规则 R1 要求至少一个读卡器");
    public static readonly Message NoReaderNamed = Messages.Define("config.no-reader-named", "no card reader is named '{name}' (known: {known})", "没有名为 '{name}' 的读卡器（已配置：{known}）");
    public static readonly Message LaneNeedsThermometer = Messages.Define("config.lane-needs-thermometer", "rule R3 needs a thermometer at every lane; name one (known: {known})", "规则 R3 要求每个通道都有体温计；请指定一个（已配置：{known}）");
    public static readonly Message NoThermometerNamed = Messages.Define("config.no-thermometer-named", "rule R3 needs a thermometer; none is named '{name}' (known: {known})", "规则 R3 需要体温计；没有名为 '{name}' 的体温计（已配置：{known}）");
    public static readonly Message NoMaskDetectorNamed = Messages.Define("config.no-mask-detector-named", "no mask detector is named '{name}' (known: {known})", "没有名为 '{name}' 的口罩检测设备（已配置：{known}）");
    public static readonly Message NoKeypadNamed = Messages.Define("config.no-keypad-named", "no guard keypad is named '{name}' (known: {known})", "没有名为 '{name}' 的门卫键盘（已配置：{known}）");
    public static readonly Message NoVoiceNamed = Messages.Define("config.no-voice-named", "no voice module is named '{name}' (known: {known})", "没有名为 '{name}' 的语音模块（已配置：{known}）");
    public static readonly Message NotPromptLanguage = Messages.Define("config.not-prompt-language", "'{value}' is not a prompt language; use {choices}", "'{value}' 不是可用的提示语言；请用 {choices}");
    public static readonly Message AttendedNeedsKeypad = Messages.Define("config.attended-needs-keypad", "lane '{lane}' is attended and needs the guard's keypad, for the guard to decide referred attempts", "通道 '{lane}' 为值守模式，需要门卫键盘，由门卫处理转人工的通行");
    public static readonly Message NeedsMaskSource = Messages.Define("config.needs-mask-source", "lane '{lane}': rule R4 needs a mask source: a MaskDetector, or Attended mode with a GuardKeypad (Rules.MaskRequired is false only where masks are no longer ordered)", "通道 '{lane}'：规则 R4 需要判断口罩的来源：MaskDetector，或带 GuardKeypad 的值守（Attended）模式（只有不再要求戴口罩的地方才把 Rules.MaskRequired 设为 false）");
    public static readonly Message StuckTooFew = Messages.Define("config.stuck-too-few", "{count} people in a row are too few to tell a stuck thermometer from chance; use 3 or more (12 by default), or 0 to turn the check off", "连续 {count} 人太少，分不清是体温计卡住还是巧合；请设为 3 或更大（默认 12），或设为 0 关闭此项检查");

    // Outputs and the status page.
    public static readonly Message NotOutputDriver = Messages.Define("config.not-output-driver", "'{value}' is not Log, Chip or Simulated", "'{value}' 不是 Log、Chip 或 Simulated 之一");
    public static readonly Message NoLaneNamed = Messages.Define("config.no-lane-named", "no lane is named '{name}'", "没有名为 '{name}' 的通道");
    public static readonly Message GpioLineRequired = Messages.Define("config.gpio-line-required", "a GPIO line number is required", "需要填写 GPIO 线号");
    public static readonly Message GpioLineTaken = Messages.Define("config.gpio-line-taken", "line {line} is already used by another output", "GPIO 线 {line} 已被另一个输出占用");
    public static readonly Message NotListenAddress = Messages.Define("config.not-listen-address", "'{value}' is not an address to listen on, such as http://127.0.0.1:8780", "'{value}' 不是可监听的地址，应形如 http://127.0.0.1:8780");
    public static readonly Message NotPageLanguage = Messages.Define("config.not-page-language", "'{value}' is not a language of the page; use zh-CN or en", "'{value}' 不是状态页可用的语言；请用 zh-CN 或 en");
    public static readonly Message PageNeedsToken = Messages.Define("config.page-needs-token", "the page listens beyond this machine ({host}), so it needs an access token file", "状态页在本机以外监听（{host}），因此需要访问令牌文件");

    // The broker.
    public static readonly Message HostMissing = Messages.Define("config.mqtt.host-missing", "the broker's host name is missing", "缺少 MQTT 服务器的主机名");
    public static readonly Message HostIsUrl = Messages.Define("config.mqtt.host-is-url", "'{value}' is a URL; write the broker's host name only (\"{host}\"), its port in Mqtt.Port{port} and, for TLS, UseTls with a CaFile", "'{value}' 是一个网址；这里只写 MQTT 服务器的主机名（\"{host}\"），端口写在 Mqtt.Port{port}，用 TLS 时设置 UseTls 并给出 CaFile");
    public static readonly Message PortNote = Messages.Define("config.mqtt.port-note", " ({port})", "（{port}）");
    public static readonly Message RemoteNeedsTls = Messages.Define("config.mqtt.remote-needs-tls", "the broker {host} is not on this machine; use TLS with a CaFile, or set AllowInsecure to send in plaintext", "MQTT 服务器 {host} 不在本机；请用 TLS 并给出 CaFile，或设置 AllowInsecure 以明文发送");
    public static readonly Message BadPin = Messages.Define("config.mqtt.bad-pin", "a pin is the 64 hex digits of the SHA-256 of the broker's public key, and needs UseTls; see docs/security.md", "固定的公钥值是服务器公钥 SHA-256 的 64 位十六进制数字，且需要 UseTls；见 docs/security.md");
    public static readonly Message TlsNeedsCa = Messages.Define("config.mqtt.tls-needs-ca", "TLS needs the CA file that signed the broker's certificate", "TLS 需要签发服务器证书的 CA 文件");
    public static readonly Message PasswordWithoutUser = Messages.Define("config.mqtt.password-without-user", "a PasswordFile is configured without a Username", "配置了 PasswordFile，却没有 Username");

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

    // Devices.
    public static readonly Message DeviceNameMissing = Messages.Define("config.device.name-missing", "every device needs a name for lanes to refer to", "每个设备都需要名称，供通道引用");
    public static readonly Message DeviceNameInvalid = Messages.Define("config.device.name-invalid", "'{value}' must be 1–64 letters, digits, '-' or '_' (it names the device's MQTT status topic)", "'{value}' 须为 1–64 个字母、数字、'-' 或 '_'（它也是设备 MQTT 状态主题的名称）");
    public static readonly Message DeviceNameTaken = Messages.Define("config.device.name-taken", "'{value}' is used by another device", "'{value}' 已被另一个设备使用");
    public static readonly Message PortMissing = Messages.Define("config.device.port-missing", "the serial port path is missing (e.g. /dev/serial/by-id/usb-…)", "缺少串口路径（如 /dev/serial/by-id/usb-…）");
    public static readonly Message PortNotPath = Messages.Define("config.device.port-not-path", "'{value}' is not a device path; on the gateway a port is /dev/ttyUSB0 or, better, /dev/serial/by-id/… (COM3 is a Windows name; `gateedge devices list` shows this box's ports)", "'{value}' 不是设备路径；网关上的串口形如 /dev/ttyUSB0，最好写 /dev/serial/by-id/…（COM3 是 Windows 的叫法；`gateedge devices list` 列出本机的串口）");
    public static readonly Message PortTakenOnBus = Messages.Define("config.device.port-taken-bus", "{port} is already used by '{other}' ({at}); a bus carries one family: only OSDP readers, or only Modbus heads, each at its own address", "{port} 已被 '{other}'（{at}）使用；一条总线只接同一类设备：只接 OSDP 读卡器，或只接 Modbus 测温头，各用自己的地址");
    public static readonly Message PortTaken = Messages.Define("config.device.port-taken", "{port} is already used by '{other}' ({at}); each serial device needs its own port (only OSDP readers, or only Modbus heads, share one as a bus)", "{port} 已被 '{other}'（{at}）使用；每个串口设备要单独一个串口（只有 OSDP 读卡器或 Modbus 测温头可以共用一条总线）");
    public static readonly Message BusBaudRate = Messages.Define("config.device.bus-baud-rate", "{baud} differs from {otherBaud} of '{other}' on the same port ({at}); devices on one bus share its line speed", "{baud} 与同一串口上 '{other}'（{at}）的 {otherBaud} 不同；同一总线上的设备须用相同的波特率");
    public static readonly Message BusAddressTaken = Messages.Define("config.device.bus-address-taken", "{address} is also the address of '{other}' on {port} ({at}); each device on a bus answers at its own address", "{address} 也是 {port} 上 '{other}'（{at}）的地址；总线上每个设备须有自己的地址");
    public static readonly Message GpioNeedsChip = Messages.Define("config.device.gpio-needs-chip", "these devices are on GPIO lines, which Outputs.Driver Log does not open; set Outputs.Driver to Chip (or Simulated to rehearse)", "这些设备接在 GPIO 线上，而 Outputs.Driver 为 Log 时不打开 GPIO；请把 Outputs.Driver 设为 Chip（演练时设为 Simulated）");
    public static readonly Message GpioInputLineTaken = Messages.Define("config.device.gpio-line-taken", "line {line} is already used by an output or another input", "GPIO 线 {line} 已被某个输出或另一个输入占用");
    public static readonly Message NotI2cDriver = Messages.Define("config.device.not-i2c-driver", "'{value}' is not Linux or Simulated", "'{value}' 不是 Linux 或 Simulated");
    public static readonly Message InstallModeNeedsKeyFile = Messages.Define("config.osdp.install-needs-key-file", "needs KeyFile, the file GateEdge keeps the reader's new key in (e.g. \"keys/{name}.scbk\")", "需要 KeyFile，即 GateEdge 保存读卡器新密钥的文件（如 \"keys/{name}.scbk\"）");
    public static readonly Message OfflineAfterTooShort = Messages.Define("config.osdp.offline-after-too-short", "{offline} must be longer than ReplyTimeout ({reply}; OSDP says 8 s)", "{offline} 须长于 ReplyTimeout（{reply}；OSDP 规定为 8 秒）");
    public static readonly Message Pn532BaudRate = Messages.Define("config.pn532.baud-rate", "a PN532 in HSU mode runs at {baud}; leave BaudRate out", "HSU 模式的 PN532 固定为 {baud}；请去掉 BaudRate");
    public static readonly Message I2cAddressTaken = Messages.Define("config.mlx90614.address-taken", "bus {bus} address 0x{address} is already used by '{other}'", "总线 {bus} 的地址 0x{address} 已被 '{other}' 使用");
    public static readonly Message NoLibgpiod = Messages.Define("config.no-libgpiod", "Chip drives the relays and lamps through libgpiod, which this box does not have: apt install libgpiod2 (libgpiod3 on newer releases), or set Outputs.Driver to Log on a gate without GPIO", "Chip 通过 libgpiod 控制继电器和指示灯，但本机没有它：请 apt install libgpiod2（较新的发行版为 libgpiod3）；没有 GPIO 的闸口请把 Outputs.Driver 设为 Log");

    // Secrets and the state folder.
    public static readonly Message KeyWritableByOthers = Messages.Define("config.secret.key-writable", "other users of this box may replace it (mode {mode}); chmod 644 it, owned by root", "本机其他用户可以替换它（权限 {mode}）；请 chmod 644，属主为 root");
    public static readonly Message ReadableByAll = Messages.Define("config.secret.readable-by-all", "{file} is readable by every user of this box (mode {mode}); chmod 600 it (or 640 with the service's group)", "本机所有用户都能读取 {file}（权限 {mode}）；请 chmod 600（或 640 并归服务的用户组）");
    public static readonly Message TokenShort = Messages.Define("config.secret.token-short", "the token in {file} is empty or shorter than {min} characters; make one with: openssl rand -hex 16 > {file}", "{file} 中的令牌为空或少于 {min} 个字符；可以这样生成：openssl rand -hex 16 > {file}");
    public static readonly Message TokenWeak = Messages.Define("config.secret.token-weak", "the token in {file} repeats too few characters to resist guessing; make one with: openssl rand -hex 16 > {file}", "{file} 中的令牌用的字符太少，容易被猜中；可以这样生成：openssl rand -hex 16 > {file}");
    public static readonly Message DisplayTokenSame = Messages.Define("config.secret.display-token-same", "it holds the status page's own token; a lane display needs a token of its own, which opens only the lane pages", "它与状态页的令牌相同；通道显示屏需要自己的令牌，只能打开通道页面");
    public static readonly Message FolderNoParent = Messages.Define("config.state.no-parent", "{folder} cannot be created: no part of its path exists", "无法创建 {folder}：路径上没有任何一级目录存在");
    public static readonly Message FolderNotWritable = Messages.Define("config.state.not-writable", "{folder} is not writable ({detail}); give the service user write access (e.g. chown -R gateedge {folder}) or mount it read-write", "{folder} 不可写（{detail}）；请给服务用户写权限（如 chown -R gateedge {folder}），或以读写方式挂载");
    public static readonly Message FolderCannotBeCreated = Messages.Define("config.state.cannot-create", "{folder} cannot be created in {parent} ({detail}); create it and give the service user write access (e.g. install -d -o gateedge {folder})", "无法在 {parent} 中创建 {folder}（{detail}）；请先创建，并给服务用户写权限（如 install -d -o gateedge {folder}）");
    public static readonly Message DiskFull = Messages.Define("config.state.disk-full", "the disk holding {folder} is full ({free} KiB free, at least {need} MiB needed); free space there (old logs, core dumps) or move the state folder", "{folder} 所在的磁盘已满（剩余 {free} KiB，至少需要 {need} MiB）；请清理空间（旧日志、core 文件），或把状态目录移走");

    // Files.
    public static readonly Message FileMissing = Messages.Define("config.file-missing", "{file} does not exist", "{file} 不存在");
    public static readonly Message FileDenied = Messages.Define("config.file-denied", "{file} cannot be reached by {user}: permission denied; check it as root (sudo gateedge config check), which also asks as the service's user", "{user} 无权访问 {file}：权限不足；请以 root 身份检查（sudo gateedge config check），它也会以服务用户的身份检查");
    public static readonly Message ServiceCannotRead = Messages.Define("config.service-cannot-read", "{file} cannot be read by {user}, the user the service runs as; chown root:{user} it and chmod 640 (and let {user} enter its folders)", "服务运行所用的用户 {user} 读不了 {file}；请 chown root:{user} 并 chmod 640（并让 {user} 能进入它所在的目录）");
    public static readonly Message ServiceCannotWrite = Messages.Define("config.service-cannot-write", "{folder} cannot be written by {user}, the user the service runs as; chown -R {user}: {folder}", "服务运行所用的用户 {user} 不能写入 {folder}；请 chown -R {user}: {folder}");
    public static readonly Message FileProblem = Messages.Define("config.file-problem", "{file}: {detail}", "{file}：{detail}");
    public static readonly Message ConfigFileMissing = Messages.Define("config.config-file-missing", "the configuration file does not exist", "配置文件不存在");
}
