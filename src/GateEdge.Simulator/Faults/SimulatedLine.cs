using System.Diagnostics;
using System.Threading.Channels;
using GateEdge.Simulator.Pty;

namespace GateEdge.Simulator.Faults;

/// <summary>
/// The serial cable between a simulated device and the gateway: a virtual serial port that can be
/// unplugged and replugged under the same stable path, and that applies a <see cref="LineFault"/>
/// to everything the device sends. Writes go out in order from one queue, so a slow or split
/// frame never overtakes the next. An RS-485 line with several devices is one port with a
/// <see cref="Drop"/> per device: each hears everything the gateway writes, and has its own faults
/// and its own plug (a device cut from the bus goes silent; the others and the port stay).
/// </summary>
internal sealed partial class SimulatedLine : IAsyncDisposable
{
    private readonly SimulatedLine? _bus;
    private readonly List<SimulatedLine> _drops = [];
    private volatile bool _cut;
    private Task _jam = Task.CompletedTask;
    private LineFault _fault;

    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>();
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _sender;
    private VirtualSerialPort? _port;
    private Task _pump = Task.CompletedTask;
    private long _firstSpokenTo;
    private int _baudRate;

    private SimulatedLine(string linkPath, TimeSpan warmUp)
    {
        LinkPath = linkPath;
        WarmUp = warmUp;
        Plug();
        _sender = SendAsync(_stop.Token);
    }

    private SimulatedLine(SimulatedLine bus, TimeSpan warmUp)
    {
        _bus = bus;
        LinkPath = bus.LinkPath;
        WarmUp = warmUp;
        _sender = SendAsync(_stop.Token);
    }

    /// <summary>The stable path the gateway is configured with.</summary>
    public string LinkPath { get; }

    /// <summary>Bytes the gateway wrote, in arrival chunks, across replugs.</summary>
    public ChannelReader<byte[]> Received => _received.Reader;

    public LineFault Fault
    {
        get => _fault;
        set
        {
            _fault = value;
            if (value == LineFault.Jam && _jam.IsCompleted)
            {
                _jam = JamAsync(_stop.Token);
            }
        }
    }

    /// <summary>How long the device stays silent after the gateway first spoke to it: powered on with the gateway, it is still warming up.</summary>
    public TimeSpan WarmUp { get; }

    private bool WarmingUp => WarmUp > TimeSpan.Zero
        && (Interlocked.Read(ref _firstSpokenTo) is var first && (first == 0 || Stopwatch.GetElapsedTime(first) < WarmUp));

    /// <summary>What <see cref="LineFault.StrayHeader"/> sends: set by a device whose protocol has long frames.</summary>
    public byte[]? StrayHeader { get; set; }

    /// <summary>The delay <see cref="LineFault.SlowReplies"/> adds. Default 1 s: beyond every reply timeout.</summary>
    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The line's speed in bits per second, or 0 for none: with a speed, what the device sends and
    /// what it hears take their time on the wire (ten bits a byte), as on a real cable. A drop
    /// takes its bus's speed.
    /// </summary>
    public int BaudRate
    {
        get => _bus?.BaudRate ?? _baudRate;
        set => _baudRate = value;
    }

    public bool IsPlugged
    {
        get
        {
            if (_bus is not null)
            {
                return !_cut && _bus.IsPlugged;
            }

            lock (_gate)
            {
                return _port is not null;
            }
        }
    }

    public static SimulatedLine Create(string linkPath, TimeSpan warmUp = default) => new(linkPath, warmUp);

    /// <summary>One more device on this line, as on an RS-485 bus: it hears all the gateway writes and has its own faults and plug.</summary>
    public SimulatedLine Drop(TimeSpan warmUp = default)
    {
        var drop = new SimulatedLine(this, warmUp);
        lock (_gate)
        {
            _drops.Add(drop);
        }

        return drop;
    }

    /// <summary>Queues bytes the device sends; they go out in one write unless a fault says otherwise.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => _outgoing.Writer.TryWrite(bytes.ToArray());

    /// <summary>Pulls the cable: the port and its path vanish, as when a USB adapter is unplugged; a device on a bus is only cut from it.</summary>
    public void Unplug()
    {
        if (_bus is not null)
        {
            _cut = true;
            return;
        }

        VirtualSerialPort? port;
        lock (_gate)
        {
            port = _port;
            _port = null;
        }

        port?.Dispose();
    }

    /// <summary>Plugs the cable back in under the same path (a new pty, as a new USB enumeration would be).</summary>
    public void Replug()
    {
        if (_bus is not null)
        {
            _cut = false;
            return;
        }

        lock (_gate)
        {
            if (_port is null)
            {
                Plug();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sender.ContinueWith(_ => { }, TaskScheduler.Default);
        await _jam.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_bus is null)
        {
            Unplug();
            await _pump;
        }

        _received.Writer.TryComplete();
        _stop.Dispose();
    }

    private void Plug()
    {
        var port = VirtualSerialPort.Create(LinkPath);
        _port = port;
        _pump = PumpAsync(port, _pump);
    }

    private async Task PumpAsync(VirtualSerialPort port, Task previous)
    {
        await previous;
        await foreach (var chunk in port.Received.ReadAllAsync())
        {
            // A device hears a command once its last byte has crossed the wire.
            await WireTime(chunk.Length, Stopwatch.GetTimestamp());
            SimulatedLine[] drops;
            lock (_gate)
            {
                drops = [.. _drops];
            }

            foreach (var line in drops.Length > 0 ? drops : [this])
            {
                if (!line._cut)
                {
                    line._received.Writer.TryWrite(chunk);
                    Interlocked.CompareExchange(ref line._firstSpokenTo, Stopwatch.GetTimestamp(), 0);
                }
            }
        }
    }
}
