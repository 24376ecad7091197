using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.Modbus.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Thermometers.Modbus;

/// <summary>Polls one holding register of a Modbus RTU head (protocols.md §3.3); steady replies are its liveness check.</summary>
internal sealed partial class ModbusThermometerSession(
    ModbusThermometerOptions options,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<ModbusThermometerSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public async Task RunAsync(Stream stream, Action markOnline, CancellationToken cancellationToken)
    {
        var reader = new FrameReader<ModbusReply>(stream, new ModbusReplyDecoder());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readLoop = reader.RunAsync(stop.Token);
        var request = ModbusRtu.ReadHolding(options.Address, options.Register, 1);
        try
        {
            var talk = new DeviceConversation<ModbusReply>(stream, reader, time);
            bool online = false;
            int silent = 0;
            while (true)
            {
                try
                {
                    var reply = await talk.RequestAsync(request, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                    silent = 0;
                    if (reply.Address != options.Address || reply.IsException || reply.Registers.Length != 1)
                    {
                        throw new DeviceProtocolException($"unexpected reply from slave {reply.Address}: function {reply.Function:X2}, exception {reply.ExceptionCode}");
                    }

                    if (!online)
                    {
                        online = true;
                        markOnline();
                    }

                    sink.OnReading(ToReading(reply.Registers[0]));
                }
                catch (DeviceTimeoutException) when (++silent < options.MaxSilentPolls)
                {
                    LogSilentPoll(Device, silent);
                }

                await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await readLoop.ConfigureAwait(false);
        }
    }

    /// <summary>The head reports the body value only: there is no ambient value to record.</summary>
    internal ThermometerReading ToReading(ushort register)
    {
        decimal body = (short)register * options.Scale;
        return new ThermometerReading(Device, body, body, null, HasTarget: body >= options.NoTargetBelowC, time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {Device}: no reply to poll ({Silent} in a row)")]
    private partial void LogSilentPoll(string device, int silent);
}
