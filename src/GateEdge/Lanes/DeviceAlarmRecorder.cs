using System.Threading.Channels;
using GateEdge.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Lanes;

/// <summary>
/// Puts what devices raise on record as alarm events (<c>gateedge.alarm/1</c>, the device named in
/// the detail), off the device's thread. The same alarm of the same device is recorded once per
/// <see cref="Quiet"/>: a reader failing at every reconnect raises one alarm, not one every few
/// seconds, and whatever floods in beyond <see cref="Capacity"/> is logged and dropped, never queued
/// without bound.
/// </summary>
internal sealed partial class DeviceAlarmRecorder(AlarmRecords records, TimeProvider time, ILogger<DeviceAlarmRecorder> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);

    private const int Capacity = 64;

    private readonly Channel<DeviceAlarm> _alarms = Channel.CreateBounded<DeviceAlarm>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Dictionary<(string Device, string Alarm), long> _lastRecorded = [];

    public void Post(DeviceAlarm alarm)
    {
        if (!_alarms.Writer.TryWrite(alarm))
        {
            LogDropped(alarm.Device, alarm.Alarm);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alarm in _alarms.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var key = (alarm.Device, alarm.Alarm);
            if (_lastRecorded.TryGetValue(key, out var last) && time.GetElapsedTime(last) < Quiet)
            {
                LogRepeated(alarm.Device, alarm.Alarm, alarm.Detail);
                continue;
            }

            _lastRecorded[key] = time.GetTimestamp();
            LogAlarm(alarm.Device, alarm.Alarm, alarm.Detail);
            await records.RecordAsync(alarm.Alarm, $"{alarm.Device}: {alarm.Detail}", alarm.At).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: alarm {Alarm}: {Detail}")]
    private partial void LogAlarm(string device, string alarm, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: alarm {Alarm} again ({Detail}); already on record within the last 10 minutes")]
    private partial void LogRepeated(string device, string alarm, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Device {Device}: alarm {Alarm} dropped: alarms are arriving faster than they can be recorded")]
    private partial void LogDropped(string device, string alarm);
}
