namespace GateEdge.Devices.Serial;

/// <summary>An open serial port and the line sessions talk through; disposing it closes the port.</summary>
internal sealed class SerialConnection(SerialLine line, Action close) : IDisposable
{
    public SerialLine Line => line;

    public void Dispose() => close();
}
