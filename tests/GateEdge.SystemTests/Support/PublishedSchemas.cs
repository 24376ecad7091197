using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace GateEdge.SystemTests.Support;

/// <summary>The JSON Schemas of docs/schemas, applied to payloads GateEdge really published.</summary>
internal static class PublishedSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Problems of one payload against the schema its <c>schema</c> field names; empty when it conforms.</summary>
    public static IReadOnlyList<string> Check(JsonElement payload)
    {
        if (!payload.TryGetProperty("schema", out var id) || id.GetString() is not { } name || !name.StartsWith("gateedge.", StringComparison.Ordinal))
        {
            return ["the payload has no gateedge schema field"];
        }

        // "gateedge.passage/3" is documented in docs/schemas/passage-3.schema.json
        var file = name["gateedge.".Length..].Replace('/', '-') + ".schema.json";
        var schema = Schemas.GetOrAdd(file, f => JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "docs", "schemas", f)));
        var result = schema.Evaluate(payload, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{name} {d.InstanceLocation}: {e.Value}"))];
    }
}
