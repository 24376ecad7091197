using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using GateEdge.Publishing;
using MQTTnet.Channel;

namespace GateEdge.Tests.Publishing;

/// <summary>Packets within the bound pass byte for byte, however the reads are cut; a larger one is read past without being held, and what follows it still arrives.</summary>
public sealed class InboundPacketBoundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task A_packet_over_the_bound_is_dropped_and_the_packets_around_it_pass_unchanged(int readSize)
    {
        byte[] before = Packet(0x30, 200), after = Packet(0x32, 20_000);
        var stream = new SyntheticStream([before, [0x30, .. RemainingLength(200_000_000)], after], oversizedBody: 200_000_000);
        var dropped = new List<(int Type, long Length)>();
        var bound = new InboundPacketBound(stream, maxBodyBytes: 16 * 1024 * 1024, (type, length) => dropped.Add((type, length)));

        var passed = new List<byte>();
        var buffer = new byte[readSize];
        int n;
        while ((n = await bound.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None)) > 0)
        {
            passed.AddRange(buffer[..n]);
        }

        Assert.Equal([.. before, .. after], passed);
        Assert.Equal([(3, 200_000_000L)], dropped);
        Assert.True(stream.LargestRead <= 16 * 1024, "the dropped body is read in small pieces, never held");
    }

    [Fact]
    public async Task A_remaining_length_of_more_than_four_bytes_is_a_protocol_violation()
    {
        var bound = new InboundPacketBound(new SyntheticStream([[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]], 0), 1024, (_, _) => { });
        await Assert.ThrowsAsync<MQTTnet.Exceptions.MqttProtocolViolationException>(() => bound.ReadAsync(new byte[16], 0, 16, CancellationToken.None));
    }

    private static byte[] Packet(byte type, int bodyLength) => [type, .. RemainingLength(bodyLength), .. Enumerable.Range(0, bodyLength).Select(i => (byte)i)];

    private static byte[] RemainingLength(long length)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(b | 128) : b);
        }
        while (length > 0);

        return [.. bytes];
    }

    /// <summary>The given chunks in order, with <paramref name="oversizedBody"/> zero bytes made up on demand after the third-last chunk (an oversized body never held in memory).</summary>
    private sealed class SyntheticStream(byte[][] chunks, long oversizedBody) : IMqttChannel
    {
        private int _chunk;
        private int _offset;
        private long _bodyLeft = -1;

        public int LargestRead { get; private set; }

        public X509Certificate2 ClientCertificate => null!;

        public EndPoint RemoteEndPoint => null!;

        public EndPoint LocalEndPoint => null!;

        public bool IsSecureConnection => false;

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            LargestRead = Math.Max(LargestRead, count);
            if (_bodyLeft > 0)
            {
                int made = (int)Math.Min(count, _bodyLeft);
                Array.Clear(buffer, offset, made);
                _bodyLeft -= made;
                return Task.FromResult(made);
            }

            if (_chunk == chunks.Length)
            {
                return Task.FromResult(0);
            }

            int n = Math.Min(count, chunks[_chunk].Length - _offset);
            Array.Copy(chunks[_chunk], _offset, buffer, offset, n);
            _offset += n;
            if (_offset == chunks[_chunk].Length)
            {
                (_chunk, _offset) = (_chunk + 1, 0);
                if (_chunk == chunks.Length - 1 && _bodyLeft < 0 && oversizedBody > 0)
                {
                    _bodyLeft = oversizedBody;
                }
            }

            return Task.FromResult(n);
        }

        public void Dispose()
        {
        }
    }
}
