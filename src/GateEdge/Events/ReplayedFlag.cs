using System.Buffers;
using System.Text.Json;

namespace GateEdge.Events;

/// <summary>
/// Every published event ends with <c>replayed</c>: true when it was recorded before the connection
/// that carries it (a backlog after an outage or a restart). Only the publisher knows it, when it
/// sends, so the journal stores events without it and it is added here, as JSON.
/// </summary>
internal static class ReplayedFlag
{
    public static byte[] Add(ReadOnlySpan<byte> stored, bool replayed)
    {
        var reader = new Utf8JsonReader(stored);
        using var document = JsonDocument.ParseValue(ref reader);
        var buffer = new ArrayBufferWriter<byte>(stored.Length + 20);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(json);
            }

            json.WriteBoolean("replayed", replayed);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
