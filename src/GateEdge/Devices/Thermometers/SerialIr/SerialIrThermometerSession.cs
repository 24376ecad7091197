using GateEdge.Devices.Framing;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Thermometers.SerialIr;

/// <summary>
/// Queries a serial IR module (docs/protocols.md §3.2) at a steady pace; the steady replies double
/// as the liveness check, so a silent module is noticed within a few polls.
/// </summary>
internal sealed class SerialIrThermometerSession(
    SerialIrThermometerOptions options,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<SerialIrThermometerSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(Stream stream, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(stream, new GyFrameDecoder(), link, reader =>
        {
            var talk = new DeviceConversation<GyFrame>(stream, reader, time);
            return FramedSession.PollAsync(async () =>
            {
                var frame = await talk.RequestAsync(GyProtocol.SingleQuery, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                link.MarkOnline();

                sink.OnReading(ToReading(frame));
            }, options.MaxSilentPolls, options.PollInterval, link, time, logger, Device, cancellationToken);
        }, cancellationToken);

    internal ThermometerReading ToReading(GyFrame frame) => new(
        Device,
        frame.ObjectC + options.BodyOffsetC,
        frame.ObjectC,
        frame.AmbientC,
        HasTarget: frame.ObjectC - frame.AmbientC >= options.TargetMinDeltaC,
        time.GetUtcNow());
}
