using GateEdge.Devices.Framing;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.Bus;

/// <summary>
/// The one owner of a serial port that several addressed devices share (an RS-485 line of OSDP
/// readers or Modbus heads). It opens the port while any device is attached, and polls the devices
/// in turn on the port's own thread: each turn writes one device's request and waits for that
/// device's answer for its own <see cref="IBusMember{TFrame}.ReplyTimeout"/>, skipping frames of
/// others. The next turn goes to the device whose poll is due first, so each keeps its own rate; a
/// device that stopped answering is asked less and less often (up to <see cref="SilentPollCap"/>),
/// so it never takes more of the line than its timeout once in a while, and never delays another's
/// poll by more than that. A device that fails leaves the bus (its supervisor reports it and joins
/// again later); a port that fails fails every device on it, and the next to join reopens it.
/// </summary>
internal sealed partial class SerialBus<TFrame> where TFrame : class
{
    /// <summary>The longest a silent device waits between polls: offline detection within a second of its window.</summary>
    public static readonly TimeSpan SilentPollCap = TimeSpan.FromSeconds(1);

    private readonly string _port;
    private readonly int _baudRate;
    private readonly Func<IFrameDecoder<TFrame>> _decoder;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<Member> _members = [];
    private readonly DeviceCounters _unattributed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _running;
    private Member? _current;

    public SerialBus(string port, int baudRate, Func<IFrameDecoder<TFrame>> decoder, TimeProvider time)
    {
        _port = port;
        _baudRate = baudRate;
        _decoder = decoder;
        _time = time;
        _unattributed = new DeviceCounters(time);
    }

    public string Port => _port;

    public int BaudRate => _baudRate;

    /// <summary>
    /// Puts the device on the bus until <paramref name="cancellationToken"/> ends its turn; the task
    /// fails with the <see cref="DeviceException"/> that took it off (its own, or the port's).
    /// </summary>
    public Task AttachAsync(IBusMember<TFrame> device, DeviceLink link, CancellationToken cancellationToken)
    {
        var member = new Member(device, link);
        lock (_lock)
        {
            _members.Add(member);
            _running ??= Task.Run(RunAsync, CancellationToken.None);
            _changed.TrySetResult();
        }

        member.Detach = cancellationToken.Register(() =>
        {
            Remove(member);
            member.Done.TrySetCanceled(cancellationToken);
        });
        return member.Done.Task;
    }

    private async Task RunAsync()
    {
        DeviceException? failed = null;
        try
        {
            using var connection = SerialPortOpener.Open(_port, _baudRate, _time);
            await ServeAsync(connection.Line).ConfigureAwait(false);
        }
        catch (DeviceException ex)
        {
            failed = ex;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or InvalidOperationException)
        {
            failed = new DeviceDisconnectedException($"the port failed: {ex.Message}", ex);
        }
        catch (Exception ex)
        {
            // Whatever stopped the bus, its devices must hear of it: a supervisor waiting on a turn that never ends would hide them.
            failed = new DeviceProtocolException($"the bus on {_port} stopped: {ex.Message}");
        }

        lock (_lock)
        {
            if (failed is null && _members.Count > 0)
            {
                // The last device left and another joined while the port closed: open it again for the newcomer.
                _running = Task.Run(RunAsync, CancellationToken.None);
                return;
            }

            // Everyone still on the bus learns why it stopped; whoever joins next reopens the port.
            foreach (var member in _members)
            {
                member.Done.TrySetException(failed ?? new DeviceDisconnectedException("the port closed"));
            }

            _members.Clear();
            _running = null;
        }
    }

    /// <summary>Polls the attached devices until none is left.</summary>
    private async Task ServeAsync(SerialLine line)
    {
        var reader = new FrameReader<TFrame>(line.Stream, _decoder(), () => _current?.Link.Counters ?? _unattributed);
        using var stop = new CancellationTokenSource();
        var readLoop = reader.RunAsync(stop.Token);
        var talk = new DeviceConversation<TFrame>(line, reader);
        try
        {
            while (true)
            {
                Member? next;
                Task changed;
                Task[] quickens;
                lock (_lock)
                {
                    if (_members.Count == 0)
                    {
                        return;
                    }

                    next = _members.MinBy(m => m.Due);
                    changed = (_changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                    quickens = [.. _members.Select(m => m.Device.Pace.Quickens()).OfType<Task>()];
                }

                var wait = next!.Due - line.Time.GetTimestamp();
                if (wait > 0)
                {
                    // Until the next poll is due, a device joins or leaves, or someone comes to a reader's lane.
                    using var idle = new CancellationTokenSource();
                    var due = Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / line.Time.TimestampFrequency), line.Time, idle.Token);
                    await Task.WhenAny([due, changed, reader.Frames.Completion, .. quickens]).ConfigureAwait(false);
                    await idle.CancelAsync().ConfigureAwait(false);
                    PollQuickenedNow(line.Time);
                    if (reader.Frames.Completion.IsCompleted)
                    {
                        await reader.Frames.Completion.ConfigureAwait(false);
                        throw new DeviceDisconnectedException("the port closed");
                    }

                    continue;
                }

                await TurnAsync(next, talk, reader).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await readLoop.ConfigureAwait(false);
        }
    }

    /// <summary>One device's turn: its request, then its answer or its silence.</summary>
    private async Task TurnAsync(Member member, DeviceConversation<TFrame> talk, FrameReader<TFrame> reader)
    {
        var time = talk.Time;
        _current = member;
        try
        {
            if (!member.Started)
            {
                member.Device.Start(time);
                member.Started = true;
            }

            if (await AnswerAsync(member, talk).ConfigureAwait(false) is { } answer)
            {
                member.Device.OnAnswer(answer, member.Link, time);
                member.Link.MarkOnline();
                member.Due = NextDue(member, time.GetTimestamp(), Ticks(member.Device.Pace.Interval, time));
                member.Silent = 0;
            }
            else
            {
                reader.DropPartialFrame();
                member.Silent++;
                member.Device.OnSilence(member.Link, time);
                member.Due = time.GetTimestamp() + Ticks(SilentWait(member.Device.Pace.Interval, member.Silent), time);
            }
        }
        catch (DeviceException ex) when (ex is not DeviceDisconnectedException)
        {
            // This device is done for now; the others go on.
            Remove(member);
            member.Done.TrySetException(ex);
        }
        catch (Exception ex) when (ex is not DeviceException)
        {
            // Whatever one device's conversation could not handle (a key file that cannot be written) ends that device's turn, not the line.
            Remove(member);
            member.Done.TrySetException(new DeviceProtocolException($"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>Writes the device's request and waits its reply timeout for its answer, skipping anything else on the line; null when none came.</summary>
    private static async Task<TFrame?> AnswerAsync(Member member, DeviceConversation<TFrame> talk)
    {
        var time = talk.Time;
        long deadline = time.GetTimestamp() + Ticks(member.Device.ReplyTimeout, time);
        try
        {
            var frame = await talk.RequestAsync(member.Device.NextRequest(), member.Device.ReplyTimeout, CancellationToken.None).ConfigureAwait(false);
            while (!member.Device.Answers(frame))
            {
                // Our own request echoed by a two-wire adapter, or another device's late answer.
                var left = time.GetElapsedTime(time.GetTimestamp(), deadline);
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                frame = await talk.NextFrameAsync(left, CancellationToken.None).ConfigureAwait(false);
            }

            return frame;
        }
        catch (DeviceTimeoutException)
        {
            return null;
        }
    }

    private void Remove(Member member)
    {
        lock (_lock)
        {
            if (_members.Remove(member))
            {
                _changed.TrySetResult();
            }
        }

        member.Detach.Dispose();
    }
}
