using System.Diagnostics;
using System.Threading.Channels;
using GateEdge.Simulator.Pty;

namespace GateEdge.Simulator.Faults;

/// <summary>What the device sends, as the wire delivers it: paced at the line's speed, or bent by the line's fault.</summary>
internal sealed partial class SimulatedLine
{
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
                    await SendPacedAsync(Distort(bytes, fault));
                    break;
            }
        }
    }

    /// <summary>Sends at the line's speed, in pieces as a UART's receive buffer hands them on; all at once without a speed.</summary>
    private async Task SendPacedAsync(byte[] bytes)
    {
        if (BaudRate <= 0)
        {
            Send(bytes);
            return;
        }

        const int Piece = 32;
        long start = Stopwatch.GetTimestamp();
        for (int sent = 0; sent < bytes.Length; sent += Piece)
        {
            int length = Math.Min(Piece, bytes.Length - sent);
            await WireTime(sent + length, start);
            Send(bytes.AsSpan(sent, length));
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> bytes sent from <paramref name="start"/> have crossed the wire at <see cref="BaudRate"/>.</summary>
    private Task WireTime(int bytes, long start)
    {
        if (BaudRate <= 0)
        {
            return Task.CompletedTask;
        }

        var left = TimeSpan.FromSeconds(bytes * 10.0 / BaudRate) - Stopwatch.GetElapsedTime(start);
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
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
