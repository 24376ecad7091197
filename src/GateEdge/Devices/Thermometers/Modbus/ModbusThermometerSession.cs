using GateEdge.Devices.Bus;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.Modbus.Protocol;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>
/// Polls one holding register of a Modbus RTU head (docs/protocols.md §3.3) on its bus; steady
/// replies are its liveness check. Only a reply from this head's unit id answers it: another unit's
/// reply on a shared line is skipped, never a fault of this head.
/// </summary>
internal sealed class ModbusThermometerSession(ModbusThermometerOptions options, IDeviceEventSink sink) : IBusMember<ModbusReply>
{
    private readonly byte[] _request = ModbusRtu.ReadHolding(options.Address, options.Register, 1);
    private int _silent;
    private long _garbageBefore;

    public string Device => options.Name;

    public TimeSpan ReplyTimeout => options.ReplyTimeout;

    public PollPace Pace { get; } = PollPace.Fixed(options.PollInterval);

    public void Start(TimeProvider time) => _silent = 0;

    public byte[] NextRequest() => _request;

    public bool Answers(ModbusReply reply) => reply.Address == options.Address;

    public void OnAnswer(ModbusReply reply, DeviceLink link, TimeProvider time)
    {
        if (reply.IsException || reply.Function != 0x03 || reply.Registers.Length != 1)
        {
            throw new DeviceProtocolException($"unexpected reply from unit {reply.Address}: function {reply.Function:X2}, exception {reply.ExceptionCode}");
        }

        _silent = 0;
        sink.OnReading(ToReading(reply.Registers[0], time.GetUtcNow()));
    }

    /// <summary>A few silent polls in a row are tolerated; then the head is unplugged or hung.</summary>
    public void OnSilence(DeviceLink link, TimeProvider time)
    {
        if (++_silent == 1)
        {
            _garbageBefore = link.Counters.GarbageBytes;
        }

        var problem = $"no reply within {options.ReplyTimeout.TotalMilliseconds:0} ms";
        if (_silent < options.MaxSilentPolls)
        {
            link.Counters.CountSilentPoll(problem);
            return;
        }

        // Bytes kept coming, none of them a frame: the classic wrong baud rate or a bad cable.
        throw new DeviceTimeoutException(link.Counters.GarbageBytes > _garbageBefore
            ? $"{problem}; only garbage arrived ({link.Counters.GarbageBytes - _garbageBefore} bytes): check the baud rate and wiring"
            : problem);
    }

    /// <summary>The head reports the body value only: there is no ambient value to record.</summary>
    private ThermometerReading ToReading(ushort register, DateTimeOffset at)
    {
        decimal body = (short)register * options.Scale;
        return new ThermometerReading(Device, body, body, null, HasTarget: body >= options.NoTargetBelowC, at);
    }
}
