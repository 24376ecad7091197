using GateEdge.Devices.Bus;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Health;
using GateEdge.Devices.Serial;
using GateEdge.Devices;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Support;

/// <summary>
/// What a device test runs on: a folder for virtual port links, the health board, a sink for what
/// the devices read, and supervisors and simulated devices that all stop with the test.
/// </summary>
public abstract class DeviceBench : IAsyncLifetime
{
    private readonly List<Task> _running = [];
    private readonly List<object> _owned = [];

    private protected string Dir { get; } = Directory.CreateTempSubdirectory("gateedge-devices-").FullName;

    private protected CancellationTokenSource Stop { get; } = new();

    private protected DeviceHealthBoard Health { get; } = new(TimeProvider.System);

    private protected CollectingSink Sink { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Stop.CancelAsync();
        await Task.WhenAll(_running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var owned in _owned)
        {
            if (owned is IAsyncDisposable asynchronous)
            {
                await asynchronous.DisposeAsync();
            }
            else
            {
                ((IDisposable)owned).Dispose();
            }
        }

        Stop.Dispose();
        Directory.Delete(Dir, recursive: true);
    }

    /// <summary>Disposed when the test ends, once everything running has stopped (a simulated line, a GPIO controller).</summary>
    private protected T Own<T>(T disposable) where T : class
    {
        if (disposable is not (IAsyncDisposable or IDisposable))
        {
            throw new ArgumentException($"{typeof(T).Name} is not disposable", nameof(disposable));
        }

        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>A loop (a simulated device, a supervisor) that runs until the test ends.</summary>
    private protected void Run(Task loop) => _running.Add(loop);

    private protected DeviceSupervisor Supervise(IDeviceSession session, TimeSpan? degradedWindow = null)
    {
        var supervisor = degradedWindow is { } window
            ? new DeviceSupervisor(session, Health, TimeProvider.System, NullLogger<DeviceSupervisor>.Instance) { DegradedWindow = window }
            : new DeviceSupervisor(session, Health, TimeProvider.System, NullLogger<DeviceSupervisor>.Instance);
        Run(supervisor.RunAsync(Stop.Token));
        return supervisor;
    }

    private protected DeviceSupervisor Supervise(SerialDeviceOptions options, ISerialDeviceSession session, TimeSpan? degradedWindow = null) =>
        Supervise(new SerialDeviceConnection(options.Port, options.BaudRate, session, TimeProvider.System), degradedWindow);

    /// <summary>The owners of the ports the test's addressed devices share, as the gateway has one set.</summary>
    private protected SerialBuses Buses { get; } = new(TimeProvider.System);

    /// <summary>An addressed device (an OSDP reader, a Modbus head) on its port's bus.</summary>
    private protected DeviceSupervisor SuperviseOnBus<TFrame>(SerialDeviceOptions options, IBusMember<TFrame> member, Func<IFrameDecoder<TFrame>> decoder, TimeSpan? degradedWindow = null)
        where TFrame : class =>
        Supervise(new BusMemberSession<TFrame>(Buses, options.Port, options.BaudRate, decoder, member), degradedWindow);
}
