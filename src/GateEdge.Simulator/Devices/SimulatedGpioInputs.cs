using System.Device.Gpio;
using GateEdge.Devices.Inputs;
using GateEdge.Outputs.Gpio;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>A mask-detection unit's "mask seen" output on a line of the simulated chip (active high).</summary>
internal sealed class SimulatedMaskDetector
{
    private readonly SimulatedGpioDriver _chip;
    private readonly int _line;

    public SimulatedMaskDetector(SimulatedGpioDriver chip, int line)
    {
        _chip = chip;
        _line = line;
        chip.SetInput(line, PinValue.Low);
    }

    /// <summary>The person in front wears a mask (true) or not; the output chatters briefly, as a relay contact does.</summary>
    public void SetMaskWorn(bool worn) => Bouncy.Settle(_chip, _line, worn ? PinValue.High : PinValue.Low);
}

/// <summary>
/// The gateway's enclosure tamper switch: a contact the closed lid holds to ground; opening the
/// box lets the pull-up raise the line (active high).
/// </summary>
internal sealed class SimulatedTamperSwitch : ITamperable
{
    private readonly SimulatedGpioDriver _chip;
    private readonly int _line;

    public SimulatedTamperSwitch(SimulatedGpioDriver chip, int line)
    {
        _chip = chip;
        _line = line;
        chip.SetInput(line, PinValue.Low);
    }

    public bool Tampered
    {
        get => _chip.Peek(_line) == PinValue.High;
        set => Bouncy.Settle(_chip, _line, value ? PinValue.High : PinValue.Low);
    }
}

/// <summary>A guard's confirm and deny keys on two lines of the simulated chip: contacts to ground, pulled up.</summary>
internal sealed class SimulatedGuardKeypad
{
    private readonly SimulatedGpioDriver _chip;
    private readonly int _confirm;
    private readonly int _deny;

    public SimulatedGuardKeypad(SimulatedGpioDriver chip, int confirmLine, int denyLine)
    {
        _chip = chip;
        _confirm = confirmLine;
        _deny = denyLine;
        chip.SetInput(confirmLine, PinValue.High);
        chip.SetInput(denyLine, PinValue.High);
    }

    /// <summary>Presses a key (with contact bounce), holds it, and lets go.</summary>
    public async Task PressAsync(GuardKey key, CancellationToken cancellationToken = default)
    {
        int line = key == GuardKey.Confirm ? _confirm : _deny;
        Bouncy.Settle(_chip, line, PinValue.Low);
        await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken);
        Bouncy.Settle(_chip, line, PinValue.High);
        await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken);
    }
}

internal static class Bouncy
{
    /// <summary>A few fast flips before the final level: what a mechanical contact does when it closes or opens.</summary>
    public static void Settle(SimulatedGpioDriver chip, int line, PinValue level)
    {
        var other = level == PinValue.High ? PinValue.Low : PinValue.High;
        for (int i = 0; i < 3; i++)
        {
            chip.SetInput(line, level);
            chip.SetInput(line, other);
        }

        chip.SetInput(line, level);
    }
}
