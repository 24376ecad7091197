using GateEdge.Events;
using GateEdge.Lanes;
using GateEdge.Status;
using Microsoft.Extensions.Hosting;

namespace GateEdge.Hosting;

/// <summary>
/// Another box uses this gateway's id (the broker handed it this gateway's session): once a run,
/// the centre gets a <c>gateway-id-clash</c> alarm, recorded as every alarm is.
/// </summary>
internal sealed class IdentityClashAlarm(BrokerConnectionState broker, AlarmRecords alarms) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        broker.IdentityClashBegan += Record;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        broker.IdentityClashBegan -= Record;
        return Task.CompletedTask;
    }

    // Raised on the publisher's loop: the record is made on its own.
    private void Record(string detail) => alarms.RecordInBackground(AlarmEvent.GatewayIdClash, detail);
}
