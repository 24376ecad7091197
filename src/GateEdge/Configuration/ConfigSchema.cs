using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// Holds every key and value of a configuration to <c>config/gateedge.schema.json</c> (embedded):
/// a key the gateway does not read is named with its full path and the nearest known key; a value
/// of the wrong kind or outside the bounds declared beside its option (<c>[Range]</c>) is named
/// with what would be right. The schema is generated from the options classes and kept in step
/// by a test, so this check needs no reflection at run time.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>How <see cref="TimeSpan"/> settings are written: [d.]hh:mm[:ss[.fffffff]].</summary>
    public const string DurationPattern = @"^-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?$";

    public const string ResourceName = "GateEdge.gateedge.schema.json";

    private static readonly Lazy<JsonDocument> Schema = new(() =>
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)!;
        return JsonDocument.Parse(stream);
    });

    /// <param name="file">Where the file's own settings are; an unknown key is reported only when the file has it (environment variables carry unrelated names).</param>
    /// <returns>The problems, and the keys whose values are wrong: bound without them, the rest of the check sees defaults instead of inventing follow-on problems.</returns>
    public static (List<string> Problems, List<string> BadKeys) Check(IConfiguration configuration, ConfigPositions? file)
    {
        var problems = new List<string>();
        var badKeys = new List<string>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // Sections come too (value null), so an empty unknown section is still named.
            if (Problem(key, value, file, reported) is { } problem)
            {
                problems.Add(problem);
                badKeys.Add(key);
            }
        }

        return (problems, badKeys);
    }

    private static string? Problem(string key, string? value, ConfigPositions? file, HashSet<string> reported)
    {
        var node = Schema.Value.RootElement;
        string path = "";
        foreach (var segment in key.Split(':'))
        {
            if (node.TryGetProperty("items", out var items))
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return reported.Add(path) ? $"{path}: a list [ … ] is expected here" : null;
                }

                path = $"{path}[{segment}]";
                node = items;
            }
            else if (node.TryGetProperty("properties", out var properties))
            {
                string named = path.Length == 0 ? segment : $"{path}.{segment}";
                if (Known(properties, segment) is { } known)
                {
                    node = known;
                }
                else if (node.TryGetProperty("additionalProperties", out var any) && any.ValueKind == JsonValueKind.Object)
                {
                    node = any;
                }
                else
                {
                    bool inFile = file is null || file.Contains(named);
                    string what = path.Length == 0 ? "section" : "setting";
                    return inFile && reported.Add(named) ? $"{Trust.Untrusted.ForLog(named, 120)}: unknown {what}{Suggestion(segment, properties)}" : null;
                }

                path = named;
            }
            else if (node.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                path = path.Length == 0 ? segment : $"{path}.{segment}";
                node = values;
            }
            else
            {
                // A section the gateway hands on whole (Serilog): its own reader checks it.
                return null;
            }
        }

        return value is null ? null : ValueProblem(path, value, node);
    }

    private static JsonElement? Known(JsonElement properties, string name)
    {
        foreach (var property in properties.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? ValueProblem(string path, string value, JsonElement node)
    {
        if (value.Length == 0 && (node.TryGetProperty("items", out _) || node.TryGetProperty("properties", out _)))
        {
            // An empty list or section.
            return null;
        }

        string shown = Trust.Untrusted.ForLog(value, 64);
        if (node.TryGetProperty("enum", out var choices))
        {
            if (choices[0].ValueKind == JsonValueKind.Number)
            {
                // A set of numbers (the line speeds): a typo is a number that is not one of them.
                return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var chosen) && choices.EnumerateArray().Any(c => c.GetDecimal() == chosen) ? null
                    : $"{path}: {shown} is not one of {string.Join(", ", choices.EnumerateArray().Select(c => c.GetRawText()))}";
            }

            var names = choices.EnumerateArray().Select(c => c.GetString()!).ToArray();
            return names.Contains(value, StringComparer.OrdinalIgnoreCase) ? null
                : $"{path}: '{shown}' is not one of {string.Join(", ", names)}{Suggestion(value, names)}";
        }

        string type = node.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (node.TryGetProperty("x-kind", out var kind) && kind.GetString() == "duration")
        {
            if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
            {
                return $"{path}: '{shown}' is not a duration: write hh:mm:ss, e.g. 00:00:10 for ten seconds or 00:01:30 for a minute and a half";
            }

            string? min = node.TryGetProperty("x-minimum", out var lo) ? lo.GetString() : null;
            string? max = node.TryGetProperty("x-maximum", out var hi) ? hi.GetString() : null;
            bool outside = (min is not null && duration < TimeSpan.Parse(min, CultureInfo.InvariantCulture))
                || (max is not null && duration > TimeSpan.Parse(max, CultureInfo.InvariantCulture));
            // A bare number is a count of days to .NET: "250" meant as seconds or milliseconds is 250 days.
            string days = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                ? $" (a bare number is read as {n} day{(n == 1 ? "" : "s")}: write hh:mm:ss, e.g. 00:00:10 for ten seconds)" : "";
            return outside ? $"{path}: {shown} is outside {min ?? "…"}–{max ?? "…"}{days}" : null;
        }

        switch (type)
        {
            case "boolean":
                return bool.TryParse(value, out _) ? null : $"{path}: '{shown}' is not true or false";
            case "integer" or "number":
                if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || (type == "integer" && number != decimal.Truncate(number)))
                {
                    return $"{path}: '{shown}' is not {(type == "integer" ? "a whole number" : "a number")}";
                }

                bool below = node.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal();
                bool above = node.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal();
                return below || above
                    ? $"{path}: {shown} is outside {(minimum.ValueKind == JsonValueKind.Number ? minimum.GetDecimal() : "…")}–{(maximum.ValueKind == JsonValueKind.Number ? maximum.GetDecimal() : "…")}"
                    : null;
            case "array" or "object":
                return $"{path}: '{shown}' is a single value where {(type == "array" ? "a list [ … ]" : "a section { … }")} is expected";
            default:
                return null;
        }
    }

    private static string Suggestion(string typed, JsonElement properties) =>
        Suggestion(typed, properties.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('$')).ToArray());

    /// <summary>"; did you mean X?" for the nearest name by edit distance, or the list of names when none is near.</summary>
    private static string Suggestion(string typed, IReadOnlyList<string> names)
    {
        var nearest = names.Select(n => (Name: n, Distance: EditDistance(typed.ToUpperInvariant(), n.ToUpperInvariant())))
            .OrderBy(c => c.Distance).FirstOrDefault();
        if (nearest.Name is not null && nearest.Distance <= Math.Max(2, nearest.Name.Length / 3))
        {
            return $"; did you mean {nearest.Name}?";
        }

        return names.Count <= 16 ? $" (known here: {string.Join(", ", names)})" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
