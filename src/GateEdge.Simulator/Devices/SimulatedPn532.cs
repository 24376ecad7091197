using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A PN532 in HSU mode (docs/protocols.md §2.3, "Secure Channel") on a virtual serial port, enough for the Iot.Device.Bindings
/// driver: SAM configuration, firmware version, parameters, the echo self-test and InListPassiveTarget.
/// Each ACK and its reply go out in one write at once, since the driver waits only ~89 ms. With no card
/// in the field InListPassiveTarget gets only its ACK, as the real chip keeps waiting for a card.
/// </summary>
internal sealed class SimulatedPn532(string name, SimulatedLine port) : ICompoundCardReader
{
    private static readonly byte[] Ack = [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _card;

    public string Name => name;

    public SimulatedLine Line => port;

    /// <summary>Completes at the first InListPassiveTarget: the driver is through its start-up.</summary>
    public Task FirstPoll => _firstPoll.Task;

    /// <summary>A type A card with UID <paramref name="uidHex"/> is held in the field until <see cref="Remove"/>.</summary>
    public void Present(string uidHex) => _card = uidHex;

    public void Remove() => _card = null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            pending.AddRange(chunk);
            while (TryTakeCommand(pending, out var command))
            {
                if (Reply(command) is { } reply)
                {
                    port.Write([.. Ack, .. reply]);
                }
                else
                {
                    port.Write(Ack);
                }
            }
        }
    }

    /// <summary>The reply frame to a host command (TFI D4, command, data), or null when the chip stays silent.</summary>
    internal byte[]? Reply(byte[] command)
    {
        switch (command[1])
        {
            case 0x02: return Frame(0x03, [0x32, 0x01, 0x06, 0x07]);        // GetFirmwareVersion: PN532 v1.6
            case 0x12: return Frame(0x13, []);                              // SetParameters
            case 0x14: return Frame(0x15, []);                              // SAMConfiguration
            case 0x00: return Frame(0x01, command[2..]);                    // Diagnose: echo the test number and data
            case 0x4A:
                _firstPoll.TrySetResult();
                return _card is { } uid ? Frame(0x4B, [0x01, 0x01, 0x00, 0x04, 0x08, (byte)(uid.Length / 2), .. Convert.FromHexString(uid)]) : null;
            default: return null;
        }
    }

    /// <summary>A chip-to-host frame: 00 00 FF LEN LCS D5 code data DCS 00.</summary>
    internal static byte[] Frame(byte code, ReadOnlySpan<byte> data)
    {
        byte length = (byte)(2 + data.Length);
        int sum = 0xD5 + code;
        foreach (byte b in data)
        {
            sum += b;
        }

        return [0x00, 0x00, 0xFF, length, (byte)-length, 0xD5, code, .. data, (byte)-sum, 0x00];
    }

    /// <summary>Takes the next host frame (TFI, command, data) with good checksums, skipping wake-up bytes and noise.</summary>
    private static bool TryTakeCommand(List<byte> pending, out byte[] command)
    {
        command = [];
        while (true)
        {
            int start = FindStartCode(pending);
            if (start < 0)
            {
                // Keep a trailing 00 that may begin a start code.
                pending.RemoveRange(0, Math.Max(0, pending.Count - 1));
                return false;
            }

            pending.RemoveRange(0, start);
            if (pending.Count < 4)
            {
                return false;
            }

            int length = pending[2];
            if (length == 0 || (byte)(length + pending[3]) != 0)
            {
                pending.RemoveAt(0);
                continue;
            }

            if (pending.Count < 4 + length + 1)
            {
                return false;
            }

            var body = pending.GetRange(4, length).ToArray();
            int sum = body.Sum(b => b) + pending[4 + length];
            pending.RemoveRange(0, 4 + length + 1);
            if ((byte)sum == 0 && body[0] == 0xD4)
            {
                command = body;
                return true;
            }
        }
    }

    private static int FindStartCode(List<byte> bytes)
    {
        for (int i = 0; i + 1 < bytes.Count; i++)
        {
            if (bytes[i] == 0x00 && bytes[i + 1] == 0xFF)
            {
                return i;
            }
        }

        return -1;
    }
}
