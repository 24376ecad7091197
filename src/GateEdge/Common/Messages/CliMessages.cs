namespace GateEdge.Common.Messages;

/// <summary>What <c>gateedge --help</c> says of each verb, option and argument (src/GateEdge/Cli/GateEdgeCommandLine.cs).</summary>
internal static class CliMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    public static readonly Message Root = Messages.Define("cli.root",
        "GateEdge: identity, temperature and entry rules at a compound gate, recorded and delivered to the centre.\nExit codes, for every verb: 0 done; 1 it failed (a device, a file or the journal said no; the message says which);\n2 the configuration or the command line is wrong (the message names what and where).",
        "GateEdge：小区闸口的身份核验、测温与通行规则，每次通行都记录并送达中心。\n所有子命令的退出码：0 完成；1 失败（设备、文件或记录库拒绝，消息会说明是哪一个）；\n2 配置或命令行有误（消息指出是什么、在哪里）。");
    public static readonly Message Lang = Messages.Define("cli.lang", "The language of what is printed for people: zh-CN or en (default: from LC_ALL, LC_MESSAGES or LANG); --json output and logs never change", "给人看的输出所用的语言：zh-CN 或 en（默认取自 LC_ALL、LC_MESSAGES 或 LANG）；--json 输出和日志不随之改变");
    public static readonly Message Config = Messages.Define("cli.config", "The gateway's configuration file (default: $GATEEDGE_CONFIG, else {path})", "网关的配置文件（默认：$GATEEDGE_CONFIG，否则 {path}）");
    public static readonly Message Run = Messages.Define("cli.run", "Run the gateway (the default when no verb is given)", "运行网关（不带子命令时即为此项）");
    public static readonly Message CheckFile = Messages.Define("cli.config.check.file", "Configuration file to check; defaults to --config", "要检查的配置文件；默认为 --config");
    public static readonly Message Check = Messages.Define("cli.config.check", "Validate a configuration and print every problem with its path (exit code 2 when any)", "检查配置，列出每个问题及其路径（有问题时退出码为 2）");
    public static readonly Message ConfigTools = Messages.Define("cli.config.group", "Configuration tools", "配置工具");
    public static readonly Message Json = Messages.Define("cli.json", "Print JSON for scripts instead of text", "输出供脚本使用的 JSON，而不是文字");
    public static readonly Message OutboxStatus = Messages.Define("cli.outbox.status", "Show the local journal: last sequence, events kept, events not yet delivered", "显示本地记录库：最新序号、保存的事件、尚未送达的事件");
    public static readonly Message Outbox = Messages.Define("cli.outbox", "The events waiting for the broker", "等待送往 MQTT 服务器的事件");
    public static readonly Message ListsStatus = Messages.Define("cli.lists.status", "Show the persons and lists in force: version, when each arrived, entries, staleness (exit code 1 when any is stale)", "显示正在使用的人员与名单：版本、收到时间、条目数、是否过期（有过期时退出码为 1）");
    public static readonly Message Lists = Messages.Define("cli.lists", "The persons and lists the rules decide on", "规则所依据的人员与名单");
    public static readonly Message DevicesList = Messages.Define("cli.devices.list", "Serial ports with their stable /dev/serial/by-id names, GPIO chips and I²C buses on this box", "本机的串口（及其固定的 /dev/serial/by-id 名称）、GPIO 芯片和 I²C 总线");
    public static readonly Message ProbePort = Messages.Define("cli.devices.probe.port", "A serial port to identify (e.g. /dev/ttyUSB0); without it, the configured devices are run", "要识别的串口（如 /dev/ttyUSB0）；不给出时，运行配置中的设备");
    public static readonly Message ProbeDevice = Messages.Define("cli.devices.probe.device", "Probe only the configured device of this name", "只探测配置中这个名称的设备");
    public static readonly Message ProbeSeconds = Messages.Define("cli.devices.probe.seconds", "How long to run the devices, or to listen for a card on a port", "运行设备多长时间，或在串口上等待刷卡多长时间");
    public static readonly Message ProbeScan = Messages.Define("cli.devices.probe.scan", "With a port: ask every OSDP and Modbus address, to list all the devices of an RS-485 bus (about 40 s)", "配合串口使用：询问每个 OSDP 和 Modbus 地址，列出 RS-485 总线上的全部设备（约 40 秒）");
    public static readonly Message Probe = Messages.Define("cli.devices.probe", "Identify what answers on a serial port and print its config snippet; or run the configured devices for a few seconds and print what they read and their health (stop the service first)", "识别串口上应答的设备并打印配置片段；或把配置中的设备运行几秒，打印读到的内容和健康状态（请先停止服务）");
    public static readonly Message WatchDevice = Messages.Define("cli.devices.watch.device", "The configured device's name", "配置中的设备名称");
    public static readonly Message Watch = Messages.Define("cli.devices.watch", "Run one configured device until Ctrl-C: what it reads and every change of its health, as it happens (stop the service first)", "运行配置中的一个设备直到按 Ctrl-C：随时打印它读到的内容和每次健康状态的变化（请先停止服务）");
    public static readonly Message Devices = Messages.Define("cli.devices", "The hardware a lane can be wired to", "通道可以接入的硬件");
    public static readonly Message TailCount = Messages.Define("cli.events.tail.count", "How many events (1–10000)", "事件条数（1–10000）");
    public static readonly Message Tail = Messages.Define("cli.events.tail", "Print the last events of the local journal (--json: one line per event, as journalled)", "打印本地记录库中最近的事件（--json：每行一个事件，与记录一致）");
    public static readonly Message Events = Messages.Define("cli.events", "The events recorded at this gate", "本闸口记录的事件");
    public static readonly Message IdentityShow = Messages.Define("cli.identity.show", "Print this gateway's public key and fingerprint, for enrolment at the centre (made in the state folder on first use)", "打印本网关的公钥和指纹，供在中心登记（首次使用时在状态目录中生成）");
    public static readonly Message Identity = Messages.Define("cli.identity", "The key this gateway signs everything it publishes with", "本网关为发布的一切签名所用的密钥");
    public static readonly Message SimulateSeconds = Messages.Define("cli.simulate.seconds", "How long to rehearse; until Ctrl-C when left out", "演练多长时间；不给出时直到按 Ctrl-C");
    public static readonly Message Simulate = Messages.Define("cli.simulate", "Rehearse this configuration on simulated devices and an embedded broker: its lanes, rules and registry, decisions printed live", "用模拟设备和内置的 MQTT 服务器演练本配置：它的通道、规则和名单，判定实时打印");
    public static readonly Message KeygenOut = Messages.Define("cli.centre.keygen.out", "Folder for the key files", "存放密钥文件的目录");
    public static readonly Message KeygenId = Messages.Define("cli.centre.keygen.id", "Key id, as gateways will name it in Commands.CentreKeys", "密钥编号，即网关在 Commands.CentreKeys 中对它的称呼");
    public static readonly Message Keygen = Messages.Define("cli.centre.keygen", "Make the centre's signing and sealing key pairs (private halves 0600): the public halves go to every gateway", "生成中心的签名密钥对和封存密钥对（私钥权限 0600）：公钥分发给每台网关");
    public static readonly Message SignKey = Messages.Define("cli.centre.sign.key", "The centre's private key file (PEM)", "中心的私钥文件（PEM）");
    public static readonly Message SignKid = Messages.Define("cli.centre.sign.kid", "The key id the gateways know this key by", "网关所知的该密钥编号");
    public static readonly Message Sign = Messages.Define("cli.centre.sign", "Sign a command or update body read from standard input; write the message to publish to standard output", "为从标准输入读入的命令或更新签名；把要发布的消息写到标准输出");
    public static readonly Message UnsealValue = Messages.Define("cli.centre.unseal.sealed", "A passage's credential.sealed value", "通行记录中 credential.sealed 的值");
    public static readonly Message UnsealKey = Messages.Define("cli.centre.unseal.key", "The centre's private sealing key file (PEM)", "中心的封存私钥文件（PEM）");
    public static readonly Message Unseal = Messages.Define("cli.centre.unseal", "Open a sealed identity with the centre's private sealing key", "用中心的封存私钥打开封存的身份");
    public static readonly Message VerifyReceived = Messages.Define("cli.centre.verify.received", "Messages the centre received, one JSON object a line with topic and payload (mosquitto_sub -F %j), or - for standard input", "中心收到的消息，每行一个含 topic 和 payload 的 JSON 对象（mosquitto_sub -F %j），或用 - 表示标准输入");
    public static readonly Message VerifyKeys = Messages.Define("cli.centre.verify.keys", "Folder of each gateway's enrolled public key, {gateway}.pub.pem", "存放各网关已登记公钥的目录，文件名为 {gateway}.pub.pem");
    public static readonly Message Verify = Messages.Define("cli.centre.verify", "Check the received record: signatures, every chain link, gaps, repeats, checkpoints, openings never confirmed (exit 1 on any integrity failure)", "核查收到的记录：签名、每一环链接、缺口、重复、检查点、从未确认的开闸（有任何完整性问题时退出码为 1）");
    public static readonly Message Centre = Messages.Define("cli.centre", "The centre's side: key pairs, signing what it sends, opening sealed identities, checking the record (run at the centre, never on a gateway)", "中心一侧的工具：密钥对、为发出的内容签名、打开封存的身份、核查记录（在中心运行，绝不在网关上运行）");
    public static readonly Message HelpOption = Messages.Define("cli.help", "Show help and usage information", "显示帮助和用法");
    public static readonly Message VersionOption = Messages.Define("cli.version", "Show version information", "显示版本信息");
    public static readonly Message HelpDescription = Messages.Define("cli.help.description", "Description:", "说明：");
    public static readonly Message HelpUsage = Messages.Define("cli.help.usage", "Usage:", "用法：");
    public static readonly Message HelpArguments = Messages.Define("cli.help.arguments", "Arguments:", "参数：");
    public static readonly Message HelpOptions = Messages.Define("cli.help.options", "Options:", "选项：");
    public static readonly Message HelpCommands = Messages.Define("cli.help.commands", "Commands:", "命令：");
    public static readonly Message HelpCommandWord = Messages.Define("cli.help.command-word", "command", "命令");
    public static readonly Message HelpOptionsWord = Messages.Define("cli.help.options-word", "options", "选项");
}
