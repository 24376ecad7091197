using System.IO.Ports;

namespace GateEdge.Devices.Serial;

/// <summary>An open serial port and the stream sessions talk through.</summary>
internal sealed class SerialConnection(SerialPort port) : IDisposable
{
    public Stream Stream => port.BaseStream;

    public void Dispose()
    {
        try
        {
            port.Dispose();
        }
        catch (IOException)
        {
            // An unplugged port may fail to close; it is gone either way.
        }
    }
}
