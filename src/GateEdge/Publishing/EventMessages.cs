using GateEdge.Evidence;
using GateEdge.Journal;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.Publishing;

/// <summary>
/// A journalled event as an MQTT message: its kind's topic, and the signature line (with the
/// transport's <c>replayed</c> flag) before the body exactly as stored and chained.
/// </summary>
internal sealed class EventMessages(Topics topics, string keyId)
{
    public MqttApplicationMessage For(JournalEntry entry, bool replayed)
    {
        // An event recorded before the gateway signed goes out as it was stored: the centre names it unsigned.
        byte[] payload = entry.Signature is null
            ? entry.Payload
            : GatewayMessage.Compose(keyId, entry.Signature, entry.Payload, replayed, entry.Redacted && entry.Hash is { } hash ? EventChain.Hex(hash) : null);
        return new MqttApplicationMessageBuilder()
            .WithTopic(topics.Event(entry.Kind))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }
}
