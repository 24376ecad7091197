namespace GateEdge.Common.Messages;

/// <summary>
/// What <c>devices list</c> and <c>devices probe PORT</c> print. Device families keep their technical
/// names (OSDP, Modbus, RDM6300), as their manuals and labels do.
/// </summary>
internal static class DeviceToolMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

    public static readonly Message SerialPorts = Messages.Define("devices.list.serial", "Serial ports (configure Devices[].Port with the by-id path):", "串口（Devices[].Port 请填 by-id 路径）：");
    public static readonly Message NoStableName = Messages.Define("devices.list.no-stable-name",
        "  {port} (no stable name: add a udev rule, see {example})", "  {port}（没有固定名称：请加一条 udev 规则，参见 {example}）");
    public static readonly Message NoSerialPort = Messages.Define("devices.list.none-serial",
        "  none found: is the adapter plugged in? (dmesg | tail shows what the kernel saw)", "  没有找到：转换器插好了吗？（dmesg | tail 可看到内核识别到了什么）");
    public static readonly Message GpioChips = Messages.Define("devices.list.gpio", "GPIO chips (Outputs.Chip is the number):", "GPIO 芯片（Outputs.Chip 填其编号）：");
    public static readonly Message I2cBuses = Messages.Define("devices.list.i2c", "I²C buses:", "I²C 总线：");
    public static readonly Message None = Messages.Define("devices.list.none", "  none", "  无");

    public static readonly Message PortMissing = Messages.Define("devices.probe.port-missing",
        "{port} does not exist; `gateedge devices list` shows the serial ports of this box", "{port} 不存在；`gateedge devices list` 可列出本机的串口");
    public static readonly Message MoreOnBus = Messages.Define("devices.probe.more-on-bus",
        "a bus may hold more {devices} at other addresses: `gateedge devices probe {port} --scan` asks every address",
        "总线上其他地址可能还有 {devices}：`gateedge devices probe {port} --scan` 会询问每个地址");
    public static readonly Message Listening = Messages.Define("devices.probe.listening",
        "listening for {device} at {baud} baud for {seconds} s: present a card to the reader now…", "以 {baud} 波特率监听 {device} {seconds} 秒：请现在在读卡器上刷卡…");
    public static readonly Message Trying = Messages.Define("devices.probe.trying", "trying {device} at {baud} baud…", "以 {baud} 波特率尝试 {device}…");
    public static readonly Message Found = Messages.Define("devices.probe.found",
        "found: {device} at {baud} baud ({good} good frames, {bad} bad)", "找到：{device}，{baud} 波特率（正确帧 {good} 个，错误帧 {bad} 个）");
    public static readonly Message FoundAt = Messages.Define("devices.probe.found-at", "found: {device} at address {address} at {baud} baud", "找到：{device}，地址 {address}，{baud} 波特率");
    public static readonly Message Snippet = Messages.Define("devices.probe.snippet", "config snippet for Devices (name it after its lane):", "Devices 的配置片段（请按所在通道命名）：");
    public static readonly Message Snippets = Messages.Define("devices.probe.snippets", "config snippet for Devices (name each after its lane):", "Devices 的配置片段（请按各自所在通道命名）：");
    public static readonly Message Asking = Messages.Define("devices.probe.asking",
        "asking {which} for {devices}, after {gap} s of quiet on the line…", "线路静默 {gap} 秒后，向{which}询问 {devices}…");
    public static readonly Message EveryAddress = Messages.Define("devices.probe.every-address", "every address (about {seconds} s)", "每个地址（约 {seconds} 秒）");
    public static readonly Message UsualAddress = Messages.Define("devices.probe.usual-address", "the usual address", "出厂默认地址");
    public static readonly Message NothingAnswered = Messages.Define("devices.probe.nothing",
        "nothing answered. Check the reader's power, that TX and RX are crossed (adapter TX to device RX), and for a card reader that speaks only with a card, present one while it listens. {guide} lists each family's wiring.",
        "没有任何应答。请检查读卡器电源、TX 与 RX 是否交叉连接（转换器 TX 接设备 RX）；只在刷卡时才发送数据的读卡器，请在监听时刷卡。{guide} 列出了各类设备的接线。");
    public static readonly Message ScanHint = Messages.Define("devices.probe.scan-hint",
        " OSDP readers and Modbus heads were asked at the addresses they ship at; `--scan` asks every address.", "已按出厂地址询问 OSDP 读卡器和 Modbus 测温头；`--scan` 会询问每个地址。");

    public static readonly Message NoSuchDevice = Messages.Define("devices.probe.no-such-device", "no device is named '{device}' (known: {known})", "没有名为“{device}”的设备（已配置：{known}）");
    public static readonly Message Watching = Messages.Define("devices.watch.start", "watching {device}; Ctrl-C to stop…", "正在观察 {device}；按 Ctrl-C 停止…");
    public static readonly Message Probing = Messages.Define("devices.probe.start", "probing {count} device(s) for {seconds} s…", "正在探测 {count} 台设备，共 {seconds} 秒…");
    public static readonly Message Health = Messages.Define("devices.probe.health",
        "{device} {state} frames {frames}, bad {bad}, garbage {garbage} B, missed {missed}", "{device} {state} 帧 {frames}，错误 {bad}，杂讯 {garbage} 字节，未应答 {missed}");
    public static readonly Message Alarm = Messages.Define("devices.probe.alarm", "{device}: alarm {alarm}: {detail}", "{device}：报警 {alarm}：{detail}");
    public static readonly Message Someone = Messages.Define("devices.probe.someone",
        "{device}: someone in front, body {body} °C (object {object}, ambient {ambient})", "{device}：前方有人，体温 {body} °C（目标 {object}，环境 {ambient}）");
    public static readonly Message Nobody = Messages.Define("devices.probe.nobody",
        "{device}: nobody in front, body {body} °C (object {object}, ambient {ambient})", "{device}：前方无人，体温 {body} °C（目标 {object}，环境 {ambient}）");
    public static readonly Message MaskSeen = Messages.Define("devices.probe.mask", "{device}: mask seen", "{device}：检测到口罩");
    public static readonly Message NoMask = Messages.Define("devices.probe.no-mask", "{device}: no mask", "{device}：未检测到口罩");
    public static readonly Message GuardKey = Messages.Define("devices.probe.key", "{device}: {key} key", "{device}：按下 {key} 键");
}
