using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GateEdge.Trust;

/// <summary>What every signed body from the centre says about itself: the schema it follows and its id.</summary>
internal interface ICentreMessage
{
    string? Schema { get; }

    string? Id { get; }
}

/// <summary>
/// The first checks of every signed body from the centre, command or update, in one place: its
/// size, that it is JSON of the expected shape (unknown and repeated fields refused by the
/// serialiser's options), the schema it names, and an id fit to be logged and answered.
/// </summary>
internal static class CentreMessage
{
    private const int MaxIdLength = 64;

    public static (T? Body, string? Rejection) Read<T>(ReadOnlySpan<byte> payload, int maxBytes, JsonTypeInfo<T> json, string schemaId)
        where T : class, ICentreMessage
    {
        if (payload.Length > maxBytes)
        {
            return (null, $"payload of {payload.Length} bytes exceeds {maxBytes}");
        }

        T? body;
        try
        {
            body = JsonSerializer.Deserialize(payload, json);
        }
        catch (JsonException ex)
        {
            return (null, $"malformed JSON: {ex.Message}");
        }

        if (body is null || body.Schema != schemaId)
        {
            return (null, $"schema must be {schemaId}");
        }

        return string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > MaxIdLength || body.Id.Any(char.IsControl)
            ? (null, $"id is missing, longer than {MaxIdLength} characters or holds control characters")
            : (body, null);
    }
}
