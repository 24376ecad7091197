using System.Runtime.InteropServices;
using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// <c>Outputs.Driver: Chip</c> reaches the GPIO chip through libgpiod. A box without it would
/// fail deep inside the first GPIO call with a stack trace; this names it before start instead.
/// </summary>
internal static class GpioLibrary
{
    // libgpiod 1.x (Debian 11/12's libgpiod2) and 2.x (libgpiod3), as System.Device.Gpio looks for them.
    private static readonly string[] Names = ["libgpiod.so.2", "libgpiod.so.3", "libgpiod.so"];

    public static ConfigProblem? Problem(Outputs.Gpio.GpioOutputOptions outputs)
    {
        if (outputs.Driver != Outputs.Gpio.GpioOutputOptions.ChipDriver || !OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in Names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return null;
            }
        }

        return new ConfigProblem("Outputs.Driver", BoxMessages.NoLibgpiod.Say());
    }
}
