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
internal sealed class SimulatedLine : IAsyncDisposable
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

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await foreach (var bytes in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            if (WarmingUp)
            {
                continue;
            }

            var fault = Fault;
            switch (fault)
            {
                case LineFault.Silence or LineFault.Jam:
                    continue;
                case LineFault.SlowReplies:
                    await Task.Delay(SlowBy, cancellationToken);
                    Send(bytes);
                    break;
                case LineFault.StrayHeader:
                    // One burst replaces one frame; the line is clean from then on.
                    Send(StrayHeader ?? bytes[..Math.Max(1, bytes.Length / 2)]);
                    Fault = LineFault.None;
                    break;
                case LineFault.SplitFrames:
                    for (int i = 0; i < bytes.Length; i += 3)
                    {
                        Send(bytes.AsSpan(i, Math.Min(3, bytes.Length - i)));
                        await Task.Delay(2, cancellationToken);
                    }

                    break;
                default:
                    Send(Distort(bytes, fault));
                    break;
            }
        }
    }

    private static byte[] Distort(byte[] bytes, LineFault fault)
    {
        switch (fault)
        {
            case LineFault.Garbage:
                var burst = new byte[Random.Shared.Next(1, 16)];
                Random.Shared.NextBytes(burst);
                return [.. burst, .. bytes];
            case LineFault.BadChecksum:
                // A flipped bit inside the frame: its length and markers stay right, its checksum no longer matches.
                var corrupted = (byte[])bytes.Clone();
                corrupted[bytes.Length / 2] ^= 0x10;
                return corrupted;
            case LineFault.WrongBaud:
                var noise = new byte[Math.Max(1, bytes.Length * 3 / 4)];
                Random.Shared.NextBytes(noise);
                return noise;
            default:
                return bytes;
        }
    }

    /// <summary>A transceiver stuck sending: bursts of noise on the line, whatever the gateway asks, until the fault ends.</summary>
    private async Task JamAsync(CancellationToken cancellationToken)
    {
        var noise = new byte[24];
        while (Fault == LineFault.Jam && !cancellationToken.IsCancellationRequested)
        {
            Random.Shared.NextBytes(noise);
            Send(noise);
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private void Send(ReadOnlySpan<byte> bytes)
    {
        if (_bus is not null)
        {
            if (!_cut)
            {
                _bus.Send(bytes);
            }

            return;
        }

        VirtualSerialPort? port;
        lock (_gate)
        {
            port = _port;
        }

        try
        {
            // An unplugged line loses what the device sends, as a real one would.
            port?.Write(bytes);
        }
        catch (IOException)
        {
        }
    }
}
