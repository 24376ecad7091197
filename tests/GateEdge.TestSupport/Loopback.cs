using System.Net;
using System.Net.Sockets;

namespace GateEdge.TestSupport;

/// <summary>Ports on 127.0.0.1 for the brokers and status pages a test or a benchmark starts.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on now (the kernel's choice), for a server about to start.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
