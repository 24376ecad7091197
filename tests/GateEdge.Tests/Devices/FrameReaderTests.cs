using System.IO.Pipelines;
using GateEdge.Devices;
using GateEdge.Devices.Framing;
using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.Health;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Devices;

public sealed class FrameReaderTests
{
    [Fact]
    public async Task Delivers_frames_across_reads_and_counts_what_it_discarded()
    {
        var pipe = new Pipe();
        var counters = new DeviceCounters(TimeProvider.System);
        var reader = new FrameReader<GyFrame>(pipe.Reader.AsStream(), new GyFrameDecoder(), counters);
        var loop = reader.RunAsync(CancellationToken.None);
        var frame = Hex.Bytes("5A 5A 45 04 0E 42 09 C4 1A");
        var bad = (byte[])frame.Clone();
        bad[^1] ^= 0xFF;

        byte[] first = [0x00, 0x01, .. bad, .. frame[..4]];
        await pipe.Writer.WriteAsync(first);
        await pipe.Writer.WriteAsync(frame[4..]);
        var received = await reader.Frames.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(36.50m, received.ObjectC);
        var ended = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => reader.Frames.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("end of stream", ended.Message, StringComparison.Ordinal);
        await loop;
        Assert.Equal(1, counters.Frames);
        Assert.Equal(1, counters.BadFrames);
        Assert.True(counters.GarbageBytes >= 2);
    }

    [Fact]
    public async Task A_stray_header_dropped_after_a_reply_timeout_does_not_swallow_the_next_reply()
    {
        var pipe = new Pipe();
        var counters = new DeviceCounters(TimeProvider.System);
        var port = new CountingReads(pipe.Reader.AsStream());
        var reader = new FrameReader<SamResponse>(port, new SamResponseDecoder(), counters);
        var loop = reader.RunAsync(CancellationToken.None);

        // Line noise that looks like the start of a 1,280-byte reply: the decoder keeps it, waiting for the rest.
        await pipe.Writer.WriteAsync(Hex.Bytes("AA AA AA 96 69 05 00"));
        await Eventually.True(() => port.Reads >= 1, "the stray header to be read");
        reader.DropPartialFrame();
        await pipe.Writer.WriteAsync(Hex.Bytes("AA AA AA 96 69 00 04 00 00 80 84"));
        var received = await reader.Frames.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await pipe.Writer.CompleteAsync();
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => reader.Frames.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        await loop;

        Assert.Equal(SamStatus.FindFailed, received.Status);
        Assert.Equal(1, counters.BadFrames);
    }

    [Fact]
    public async Task A_failing_port_ends_the_loop_with_a_disconnect_instead_of_throwing()
    {
        var reader = new FrameReader<GyFrame>(new FailingStream(), new GyFrameDecoder(), new DeviceCounters(TimeProvider.System));

        await reader.RunAsync(CancellationToken.None);

        var ex = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => reader.Frames.Completion);
        Assert.IsType<ObjectDisposedException>(ex.InnerException);
    }

    /// <summary>A stream that counts its completed reads, so a test knows the loop has taken bytes in.</summary>
    private sealed class CountingReads(Stream inner) : ReadOnlyStream
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken);
            Interlocked.Increment(ref _reads);
            return read;
        }
    }

    /// <summary>What an unplugged port does to a pending read (docs/protocols.md §4).</summary>
    private sealed class FailingStream : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new ObjectDisposedException("The port is closed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new ObjectDisposedException("The port is closed.");
    }

    /// <summary>What a stream the frame reader only reads from must have; the rest is refused.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
