namespace GateEdge.Common.Messages;

/// <summary>What the configuration check says of what the box itself must hold: its devices and their wiring, its secret files and its state folder.</summary>
internal static class BoxMessages
{
    private static readonly MessageList Messages = new();

    public static IReadOnlyList<Message> All => Messages.All;

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
    public static readonly Message KeyFromAnotherMachine = Messages.Define("config.state.key-from-another-machine",
        "{folder} was made on another machine (its gateway key is bound to another /etc/machine-id): this box's disk is a copy of another box's, and its journal and key are that box's. Move the folder's contents aside, start the gateway, and enrol its new key at the centre (gateedge identity show); give this box its own Gateway.Id unless it replaces that box",
        "{folder} 是在另一台机器上生成的（网关密钥绑定的是另一个 /etc/machine-id）：本机的磁盘是从另一台盒子复制来的，其中的记录库和密钥属于那台盒子。请把该文件夹中的内容移走，启动网关，并到中心登记新的密钥（gateedge identity show）；除非本机是替换那台盒子的，否则请给本机设置自己的 Gateway.Id");
    public static readonly Message FolderNotWritable = Messages.Define("config.state.not-writable", "{folder} is not writable ({detail}); give the service user write access (e.g. chown -R gateedge {folder}) or mount it read-write", "{folder} 不可写（{detail}）；请给服务用户写权限（如 chown -R gateedge {folder}），或以读写方式挂载");
    public static readonly Message FolderCannotBeCreated = Messages.Define("config.state.cannot-create", "{folder} cannot be created in {parent} ({detail}); create it and give the service user write access (e.g. install -d -o gateedge {folder})", "无法在 {parent} 中创建 {folder}（{detail}）；请先创建，并给服务用户写权限（如 install -d -o gateedge {folder}）");
    public static readonly Message DiskFull = Messages.Define("config.state.disk-full", "the disk holding {folder} is full ({free} KiB free, at least {need} MiB needed); free space there (old logs, core dumps) or move the state folder", "{folder} 所在的磁盘已满（剩余 {free} KiB，至少需要 {need} MiB）；请清理空间（旧日志、core 文件），或把状态目录移走");
}
