using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Packets;

namespace GateEdge.Publishing;

/// <summary>
/// Puts GateEdge's keep-alive into the CONNECT packet while MQTTnet's own keep-alive is off.
/// MQTTnet's client, given a keep-alive, wakes every 250 ms to see whether a ping is due
/// (MqttClient.TrySendKeepAliveMessages): a timer and two thread-pool wake-ups four times a
/// second, most of what a gateway at rest spent once its serial ports were quiet. So the options
/// say zero, this adapter states <see cref="MqttOptions.KeepAlive"/> to the broker (which still
/// drops a gateway that goes silent and publishes its "offline" will), and the publisher pings
/// when it has been idle that long. Beneath it, every packet from the broker is held to
/// <paramref name="maxPacketBytes"/> (<see cref="InboundPacketBound"/>).
/// </summary>
internal sealed class StatedKeepAlive(TimeSpan keepAlive, int maxPacketBytes, Action<int, long> dropped) : IMqttClientAdapterFactory
{
    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger) =>
        new Adapter(InboundPacketBound.CreateAdapter(options, packetInspector, logger, maxPacketBytes, dropped), (ushort)keepAlive.TotalSeconds);

    private sealed class Adapter(IMqttChannelAdapter inner, ushort keepAliveSeconds) : IMqttChannelAdapter
    {
        public long BytesReceived => inner.BytesReceived;

        public long BytesSent => inner.BytesSent;

        public X509Certificate2 ClientCertificate => inner.ClientCertificate;

        public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

        public EndPoint LocalEndPoint => inner.LocalEndPoint;

        public bool IsSecureConnection => inner.IsSecureConnection;

        public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

        public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

        public Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken) => inner.ReceivePacketAsync(cancellationToken);

        public void ResetStatistics() => inner.ResetStatistics();

        public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
        {
            if (packet is MqttConnectPacket connect)
            {
                connect.KeepAlivePeriod = keepAliveSeconds;
            }

            return inner.SendPacketAsync(packet, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}
