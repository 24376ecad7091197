using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Thermometers.SerialIr;

/// <summary>
/// Queries a serial IR module (protocols.md §3.2) at a steady pace; the steady replies double
/// as the liveness check, so a silent module is noticed within a few polls.
/// </summary>
internal sealed partial class SerialIrThermometerSession(
    SerialIrThermometerOptions options,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<SerialIrThermometerSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public async Task RunAsync(Stream stream, Action markOnline, CancellationToken cancellationToken)
    {
        var reader = new FrameReader<GyFrame>(stream, new GyFrameDecoder());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readLoop = reader.RunAsync(stop.Token);
        try
        {
            var talk = new DeviceConversation<GyFrame>(stream, reader, time);
            bool online = false;
            int silent = 0;
            while (true)
            {
                try
                {
                    var frame = await talk.RequestAsync(GyProtocol.SingleQuery, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                    silent = 0;
                    if (!online)
                    {
                        online = true;
                        markOnline();
                    }

                    sink.OnReading(ToReading(frame));
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

    internal ThermometerReading ToReading(GyFrame frame) => new(
        Device,
        frame.ObjectC + options.BodyOffsetC,
        frame.ObjectC,
        frame.AmbientC,
        HasTarget: frame.ObjectC - frame.AmbientC >= options.TargetMinDeltaC,
        time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {Device}: no reply to query ({Silent} in a row)")]
    private partial void LogSilentPoll(string device, int silent);
}
