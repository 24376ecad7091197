using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Channel;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace GateEdge.Publishing;

/// <summary>
/// The broker connection's byte stream with a bound on every packet it brings in. MQTTnet allocates
/// a packet's whole body as soon as its header announces the length, up to 256 MB; over MQTT 5 the
/// broker is told the gateway's maximum packet size and drops anything larger, but MQTT 3.1.1 has no
/// such property. So this reads each packet's fixed header itself and passes on only packets within
/// the bound; a larger one is read past and dropped (<paramref name="dropped"/>: its type and
/// length), never allocated, whatever the protocol version or the broker's settings. A dropped QoS 1
/// message is not acknowledged, and a broker that sends it again gets it dropped again.
/// </summary>
internal sealed class InboundPacketBound(IMqttChannel inner, int maxBodyBytes, Action<int, long> dropped) : IMqttChannel
{
    private readonly byte[] _header = new byte[5];
    private readonly byte[] _skip = new byte[16 * 1024];
    private int _headerLength;
    private int _headerSent;
    private long _bodyLeft;

    /// <summary>MQTTnet's own client adapter over TCP, with the bound between it and the socket.</summary>
    public static IMqttChannelAdapter CreateAdapter(MqttClientOptions options, MqttPacketInspector inspector, IMqttNetLogger logger, int maxBodyBytes, Action<int, long> dropped)
    {
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            throw new NotSupportedException("the gateway connects to its broker over TCP");
        }

        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(new InboundPacketBound(new MqttTcpChannel(options), maxBodyBytes, dropped), formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = inspector,
        };
    }

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) => inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_headerSent < _headerLength)
            {
                int n = Math.Min(count, _headerLength - _headerSent);
                Array.Copy(_header, _headerSent, buffer, offset, n);
                _headerSent += n;
                return n;
            }

            if (_bodyLeft > 0)
            {
                int read = await inner.ReadAsync(buffer, offset, (int)Math.Min(count, _bodyLeft), cancellationToken).ConfigureAwait(false);
                _bodyLeft -= read;
                return read;
            }

            // At a packet boundary: take the next fixed header whole before passing any of it on.
            if (await ReadHeaderAsync(cancellationToken).ConfigureAwait(false) is not { } length)
            {
                return 0;
            }

            if (length <= maxBodyBytes)
            {
                (_headerSent, _bodyLeft) = (0, length);
                continue;
            }

            _headerLength = 0;
            if (!await SkipAsync(length, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            dropped(_header[0] >> 4, length);
        }
    }

    /// <summary>Reads a fixed header (type byte and remaining length, 2–5 bytes) into <see cref="_header"/>; null at the end of the stream.</summary>
    private async Task<long?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        _headerLength = 0;
        long length = 0;
        int multiplier = 1;
        do
        {
            if (_headerLength == _header.Length)
            {
                throw new MQTTnet.Exceptions.MqttProtocolViolationException("Remaining length is invalid.");
            }

            if (await inner.ReadAsync(_header, _headerLength, 1, cancellationToken).ConfigureAwait(false) == 0)
            {
                _headerLength = 0;
                return null;
            }

            if (_headerLength++ > 0)
            {
                length += (_header[_headerLength - 1] & 127) * multiplier;
                multiplier *= 128;
            }
        }
        while (_headerLength == 1 || (_header[_headerLength - 1] & 128) != 0);

        return length;
    }

    private async Task<bool> SkipAsync(long length, CancellationToken cancellationToken)
    {
        while (length > 0)
        {
            int read = await inner.ReadAsync(_skip, 0, (int)Math.Min(_skip.Length, length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            length -= read;
        }

        return true;
    }

    public void Dispose() => inner.Dispose();
}
