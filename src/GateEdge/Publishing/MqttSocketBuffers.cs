using MQTTnet;

namespace GateEdge.Publishing;

/// <summary>
/// MQTTnet sets its socket's receive and send buffers to its <c>BufferSize</c>, 8 KiB unless told,
/// and a buffer set by hand is one Linux no longer grows. A peer then has at most a few kilobytes in
/// flight, and with delayed acknowledgements a queued stream arrives in 7 KB steps every 200 ms,
/// about 40 KB/s: a large persons snapshot took minutes, and a centre's queue of events trickled.
/// Every client GateEdge builds widens them here.
/// </summary>
internal static class MqttSocketBuffers
{
    public const int GatewayBytes = 256 * 1024;

    public const int CentreBytes = 4 * 1024 * 1024;

    public static MqttClientOptions Widen(MqttClientOptions options, int bytes)
    {
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = bytes;
        }

        return options;
    }
}
