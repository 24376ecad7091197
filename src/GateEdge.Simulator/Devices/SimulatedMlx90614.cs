using System.Device.I2c;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// An MLX90614 on a simulated I²C bus (docs/protocols.md §3.1): it answers SMBus read-word at RAM 0x06
/// (ambient) and 0x07 (object) with LSB, MSB and a PEC computed here, apart from the gateway's.
/// Faults: <see cref="LineFault.Silence"/> stops acknowledging, <see cref="LineFault.BadChecksum"/>
/// corrupts the PEC, <see cref="LineFault.Garbage"/> returns random bytes,
/// <see cref="LineFault.SlowReplies"/> stretches the clock; <see cref="ErrorFlag"/> raises bit 15.
/// </summary>
internal sealed class SimulatedMlx90614(int bus, int address = 0x5A) : I2cDevice, ISimulatedThermometer, IFaultableDevice
{
    // On the sensor's 0.02 °C grid, so what it reports is exactly what was set.
    private const decimal Ambient = 25.01m;
    private decimal? _target;
    private int _reads;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(bus, address);

    public LineFault Fault { get; set; }

    /// <summary>The sensor reports an internal error: bit 15 of every word (it would read −928.51 °C unchecked).</summary>
    public bool ErrorFlag { get; set; }

    public TimeSpan SlowBy { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Word reads the host made, to tell when it has seen what was set.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>A person with skin at <paramref name="objectC"/> steps in front; null when they leave.</summary>
    public void SetTarget(decimal? objectC) => _target = objectC;

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Interlocked.Increment(ref _reads);
        if (Fault == LineFault.Silence)
        {
            throw new IOException("Error 121 performing I2C data transfer (no acknowledge)");
        }

        if (Fault == LineFault.SlowReplies)
        {
            Thread.Sleep(SlowBy);
        }

        if (Fault is LineFault.Garbage or LineFault.WrongBaud)
        {
            Random.Shared.NextBytes(readBuffer);
            return;
        }

        byte command = writeBuffer[0];
        decimal celsius = command == 0x06 ? Ambient : _target ?? Ambient - 0.5m;
        Word(address, command, celsius, ErrorFlag).AsSpan(0, Math.Min(3, readBuffer.Length)).CopyTo(readBuffer);
        if (Fault == LineFault.BadChecksum && readBuffer.Length >= 3)
        {
            readBuffer[2] ^= 0x01;
        }
    }

    /// <summary>The three bytes the sensor sends for <paramref name="celsius"/> at <paramref name="command"/>.</summary>
    internal static byte[] Word(int address, byte command, decimal celsius, bool errorFlag = false)
    {
        int raw = (int)decimal.Round((celsius + 273.15m) / 0.02m) | (errorFlag ? 0x8000 : 0);
        byte lsb = (byte)raw, msb = (byte)(raw >> 8);
        return [lsb, msb, Crc8([(byte)(address << 1), command, (byte)((address << 1) | 1), lsb, msb])];
    }

    public override byte ReadByte() => throw new NotSupportedException("the MLX90614 is read by word");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("the MLX90614 is read by word");

    public override void WriteByte(byte value) => throw new NotSupportedException("writes go to the EEPROM, which this simulation does not keep");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("writes go to the EEPROM, which this simulation does not keep");

    /// <summary>SMBus PEC, table-driven (the gateway computes it bit by bit).</summary>
    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (byte b in bytes)
        {
            crc = Table[crc ^ b];
        }

        return crc;
    }

    private static readonly byte[] Table = [.. Enumerable.Range(0, 256).Select(i =>
    {
        byte value = (byte)i;
        for (int bit = 0; bit < 8; bit++)
        {
            value = (value & 0x80) != 0 ? (byte)((value << 1) ^ 0x07) : (byte)(value << 1);
        }

        return value;
    })];
}
