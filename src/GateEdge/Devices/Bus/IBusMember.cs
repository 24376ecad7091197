using GateEdge.Devices.Framing;

namespace GateEdge.Devices.Bus;

/// <summary>
/// One addressed device on a shared serial line (an OSDP reader, a Modbus head), as its
/// <see cref="SerialBus{TFrame}"/> polls it: what to send when its turn comes, which frames are its
/// answer, and what an answer or a silence means. The bus owns the port, the order and the waiting;
/// a member only knows its own device.
/// </summary>
internal interface IBusMember<TFrame> where TFrame : class
{
    string Device { get; }

    /// <summary>How long the bus waits for this device's answer before it moves on.</summary>
    TimeSpan ReplyTimeout { get; }

    /// <summary>How soon after an answer this device is asked again; a reader's pace quickens while someone is at its lane.</summary>
    PollPace Pace { get; }

    /// <summary>A new connection to the device begins (the bus opened the port, or the device was offline): its conversation starts afresh.</summary>
    void Start(TimeProvider time);

    /// <summary>The request for this turn: a retry repeats the last one.</summary>
    byte[] NextRequest();

    /// <summary>True when <paramref name="frame"/> is this device's answer to the request just sent; anything else on the line is skipped.</summary>
    bool Answers(TFrame frame);

    /// <summary>Acts on the answer; throws a <see cref="DeviceException"/> when it shows the device cannot be used.</summary>
    void OnAnswer(TFrame frame, DeviceLink link, TimeProvider time);

    /// <summary>No answer within <see cref="ReplyTimeout"/>; throws a <see cref="DeviceTimeoutException"/> once the device counts as gone.</summary>
    void OnSilence(DeviceLink link, TimeProvider time);
}
