using System.Device.Gpio;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A Wiegand reader wired to two lines of the simulated GPIO chip (docs/protocols.md §2.1): lines idle
/// high, a 0 is a low pulse on D0, a 1 on D1. Pulses go out back to back (the gateway cares about
/// their order and the gap after them, not the bit period). Faults: <see cref="LineFault.BadChecksum"/>
/// flips one data bit, <see cref="LineFault.SplitFrames"/> pauses mid-frame longer than the frame gap,
/// <see cref="LineFault.Garbage"/> adds stray pulses, <see cref="LineFault.Silence"/> sends nothing.
/// </summary>
internal sealed class SimulatedWiegandReader : ICompoundCardReader, IFaultableDevice
{
    private static readonly TimeSpan LongerThanFrameGap = TimeSpan.FromMilliseconds(60);
    private readonly SimulatedGpioDriver _chip;
    private readonly int _d0;
    private readonly int _d1;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly System.Threading.Channels.Channel<string> _queued = System.Threading.Channels.Channel.CreateUnbounded<string>();

    public SimulatedWiegandReader(string name, SimulatedGpioDriver chip, int d0, int d1)
    {
        Name = name;
        _chip = chip;
        _d0 = d0;
        _d1 = d1;
        chip.SetInput(d0, PinValue.High);
        chip.SetInput(d1, PinValue.High);
    }

    public string Name { get; }

    public LineFault Fault { get; set; }

    /// <summary>Queues a card for <see cref="RunAsync"/> to send, for a script that does not wait.</summary>
    public void Present(string card) => _queued.Writer.TryWrite(card);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var card in _queued.Reader.ReadAllAsync(cancellationToken))
        {
            await PresentAsync(card, cancellationToken);
        }
    }

    /// <summary>Sends a card (<c>"facility/number"</c> for W26, a number for W34) and the idle gap that ends it.</summary>
    public async Task PresentAsync(string card, CancellationToken cancellationToken = default)
    {
        var bits = WiegandCardBits.For(card);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            switch (Fault)
            {
                case LineFault.Silence:
                    return;
                case LineFault.BadChecksum:
                    bits[bits.Length / 2] ^= true;
                    break;
                case LineFault.Garbage:
                    bits = [.. bits, false, true];
                    break;
            }

            for (int i = 0; i < bits.Length; i++)
            {
                if (Fault == LineFault.SplitFrames && i == bits.Length / 2)
                {
                    await Task.Delay(LongerThanFrameGap, cancellationToken);
                }

                int line = bits[i] ? _d1 : _d0;
                _chip.SetInput(line, PinValue.Low);
                _chip.SetInput(line, PinValue.High);
            }

            await Task.Delay(LongerThanFrameGap, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
