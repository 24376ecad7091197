using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.Benchmarks.Load;

/// <summary>
/// What the broker and MQTTnet can do without GateEdge: one MQTTnet client publishing passage-sized
/// messages at QoS 1 to the same private mosquitto, with the gateway's own window (4 batches of
/// 64 awaiting PUBACKs). GateEdge's durable throughput is reported against it as a ratio.
/// </summary>
internal static class RawPublishBaseline
{
    /// <returns>Messages per second, and the CPU this process spent per message (µs).</returns>
    public static async Task<(double PerSecond, double CpuMicrosPerMessage)> MessagesPerSecondAsync(int port, int messages)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-raw").WithCleanSession(false).Build());
        var payload = SamplePassage.Payload(Guid.NewGuid(), 1);
        const int batch = 64, depth = 4;
        var inFlight = new Queue<Task>();
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (int sent = 0; sent < messages; sent += batch)
        {
            if (inFlight.Count == depth)
            {
                await inFlight.Dequeue();
            }

            inFlight.Enqueue(Task.WhenAll(Enumerable.Range(0, Math.Min(batch, messages - sent)).Select(_ => client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(SamplePassage.Topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()))));
        }

        await Task.WhenAll(inFlight);
        double rate = messages / clock.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / messages;
        await client.DisconnectAsync();
        return (rate, cpu);
    }
}
