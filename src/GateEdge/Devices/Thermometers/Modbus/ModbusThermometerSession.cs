using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>Polls one holding register of a Modbus RTU head (docs/protocols.md §3.3); steady replies are its liveness check.</summary>
internal sealed class ModbusThermometerSession(
    ModbusThermometerOptions options,
    IDeviceEventSink sink,
    ILogger<ModbusThermometerSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(line.Stream, new ModbusReplyDecoder(), link, reader =>
        {
            var talk = new DeviceConversation<ModbusReply>(line, reader);
            var request = ModbusRtu.ReadHolding(options.Address, options.Register, 1);
            return FramedSession.PollAsync(async () =>
            {
                var reply = await talk.RequestAsync(request, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                if (reply.Address != options.Address || reply.IsException || reply.Registers.Length != 1)
                {
                    throw new DeviceProtocolException($"unexpected reply from slave {reply.Address}: function {reply.Function:X2}, exception {reply.ExceptionCode}");
                }

                link.MarkOnline();

                sink.OnReading(ToReading(reply.Registers[0], talk.Time.GetUtcNow()));
            }, options.MaxSilentPolls, options.PollInterval, link, line.Time, logger, Device, cancellationToken);
        }, cancellationToken);

    /// <summary>The head reports the body value only: there is no ambient value to record.</summary>
    private ThermometerReading ToReading(ushort register, DateTimeOffset at)
    {
        decimal body = (short)register * options.Scale;
        return new ThermometerReading(Device, body, body, null, HasTarget: body >= options.NoTargetBelowC, at);
    }
}
