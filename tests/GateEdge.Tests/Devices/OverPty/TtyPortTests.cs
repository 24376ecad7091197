using System.Diagnostics;
using GateEdge.Devices;
using GateEdge.Devices.Serial.Linux;
using GateEdge.Simulator.Pty;

namespace GateEdge.Tests.Devices.OverPty;

/// <summary>The gateway's own Linux serial port, against a real pseudo-terminal: bytes both ways, an unplug seen at once, clear refusals.</summary>
public sealed class TtyPortTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-tty-").FullName;

    [Fact]
    public async Task Bytes_arrive_as_the_device_sends_them_and_writes_reach_the_device()
    {
        using var device = VirtualSerialPort.Create(Path.Combine(_dir, "reader"));
        await using var port = TtyPort.Open(device.LinkPath, 115200);

        device.Write([0xAA, 0xAA, 0xAA, 0x96, 0x69]);
        await port.WriteAsync(new byte[] { 0x01, 0x02, 0x03 });

        var buffer = new byte[16];
        int read = 0;
        while (read < 5)
        {
            read += await port.ReadAsync(buffer.AsMemory(read)).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }

        Assert.Equal([0xAA, 0xAA, 0xAA, 0x96, 0x69], buffer[..read]);
        Assert.Equal([0x01, 0x02, 0x03], await device.Received.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_unplugged_device_ends_the_pending_read_at_once()
    {
        var device = VirtualSerialPort.Create(Path.Combine(_dir, "thermometer"));
        await using var port = TtyPort.Open(device.LinkPath, 9600);
        var pending = port.ReadAsync(new byte[16]).AsTask();

        device.Dispose();

        // Seen from the hang-up itself, not from a timeout: well inside the 2 s a replug may take.
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_pending_read_is_cancelled_and_closing_the_port_does_not_wait_for_bytes()
    {
        using var device = VirtualSerialPort.Create(Path.Combine(_dir, "tags"));
        var port = TtyPort.Open(device.LinkPath, 9600);
        using var cancel = new CancellationTokenSource();
        var pending = port.ReadAsync(new byte[16], cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(2)));
        await port.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_port_disposed_by_a_continuation_of_its_own_read_closes_its_tty_once_the_read_loop_is_done()
    {
        using var device = VirtualSerialPort.Create(Path.Combine(_dir, "voice"));
        string tty = File.ResolveLinkTarget(device.LinkPath, returnFinalTarget: true)!.FullName;
        int before = Descriptors(tty);
        var port = TtyPort.Open(device.LinkPath, 9600);
        Assert.Equal(before + 1, Descriptors(tty));

        // The read completes on the port's own thread, and the continuation disposes the port right there.
        var disposed = port.ReadAsync(new byte[16]).AsTask().ContinueWith(_ =>
        {
            port.Dispose();
            return Thread.CurrentThread.Name;
        }, TaskContinuationOptions.ExecuteSynchronously);
        device.Write([0x4F]);
        Assert.Equal("tty voice", await disposed.WaitAsync(TimeSpan.FromSeconds(5)));

        await Eventually.True(() => Descriptors(tty) == before, "the tty closed by the read loop");
        Assert.Throws<ObjectDisposedException>(() => port.Write([0x01]));
    }

    [Fact]
    public async Task Its_clock_fires_on_the_port_thread_never_early_after_an_unplug_too_and_on_system_timers_once_closed()
    {
        var device = VirtualSerialPort.Create(Path.Combine(_dir, "clock"));
        var port = TtyPort.Open(device.LinkPath, 9600);
        var due = TimeSpan.FromMilliseconds(20);

        var (thread, after) = await FiredOn(port.Clock, due);
        Assert.Equal("tty clock", thread);
        Assert.True(after >= due, $"fired after {after.TotalMilliseconds} ms");

        // Unplugged: a session still waits out its poll interval before it learns the port is gone.
        device.Dispose();
        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => port.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        (thread, after) = await FiredOn(port.Clock, due);
        Assert.Equal("tty clock", thread);
        Assert.True(after >= due, $"fired after {after.TotalMilliseconds} ms");

        await port.DisposeAsync();
        (thread, _) = await FiredOn(port.Clock, due);
        Assert.NotEqual("tty clock", thread);
    }

    /// <summary>Arms a timer from the test's thread: the thread its callback ran on, and how long after arming.</summary>
    private static async Task<(string? Thread, TimeSpan After)> FiredOn(TimeProvider clock, TimeSpan due)
    {
        var fired = new TaskCompletionSource<(string?, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
        long armed = Stopwatch.GetTimestamp();
        using var timer = clock.CreateTimer(_ => fired.TrySetResult((Thread.CurrentThread.Name, Stopwatch.GetElapsedTime(armed))), null, due, Timeout.InfiniteTimeSpan);
        return await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>How many descriptors this process holds on <paramref name="tty"/> (the simulated device keeps one of its own).</summary>
    private static int Descriptors(string tty) => Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd => Target(fd) == tty);

    /// <summary>What a descriptor points at; null when another test closed it while this one looked.</summary>
    private static string? Target(string fd)
    {
        try
        {
            return File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [Fact]
    public void A_path_that_is_not_a_serial_port_or_does_not_exist_is_named_as_such()
    {
        var file = Path.Combine(_dir, "not-a-tty");
        File.WriteAllText(file, "");

        Assert.Contains("is not a serial port", Assert.Throws<DeviceDisconnectedException>(() => TtyPort.Open(file, 9600)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<DeviceDisconnectedException>(() => TtyPort.Open(Path.Combine(_dir, "gone"), 9600)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
