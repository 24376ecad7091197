using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;
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
    ILogger<SerialIrThermometerSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(line.Stream, new GyFrameDecoder(), link, reader =>
        {
            var talk = new DeviceConversation<GyFrame>(line, reader);
            return FramedSession.PollAsync(async () =>
            {
                var frame = await talk.RequestAsync(GyProtocol.SingleQuery, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                link.MarkOnline();

                sink.OnReading(ToReading(frame, talk.Time.GetUtcNow()));
            }, options.MaxSilentPolls, PollPace.Fixed(options.PollInterval), link, line.Time, logger, Device, cancellationToken);
        }, cancellationToken);

    private ThermometerReading ToReading(GyFrame frame, DateTimeOffset at) => new(
        Device,
        frame.ObjectC + options.BodyOffsetC,
        frame.ObjectC,
        frame.AmbientC,
        HasTarget: frame.ObjectC - frame.AmbientC >= options.TargetMinDeltaC,
        at);
}
