namespace GateEdge.Common.Messages;

/// <summary>What the configuration check says of settings that must agree with each other: the gateway's identity, its lanes, outputs and status page, and the broker.</summary>
internal static class SettingMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

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
}
