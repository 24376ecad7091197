namespace GateEdge.Devices.Serial;

/// <summary>A serial device's connection: open its port, then hold the conversation until either fails.</summary>
internal sealed class SerialDeviceConnection(string port, int baudRate, ISerialDeviceSession session, TimeProvider time) : IDeviceSession
{
    public string Device => session.Device;

    public string Address => port;

    public static SerialDeviceConnection For(SerialDeviceOptions options, ISerialDeviceSession session, TimeProvider time) =>
        new(options.Port, options.BaudRate, session, time);

    public async Task RunAsync(DeviceLink link, CancellationToken cancellationToken)
    {
        using var connection = SerialPortOpener.Open(port, baudRate, time);
        await session.RunAsync(connection.Line, link, cancellationToken).ConfigureAwait(false);
    }
}
