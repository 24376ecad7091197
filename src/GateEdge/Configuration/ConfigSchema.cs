using System.Globalization;
using System.Text.Json;
using GateEdge.Common.Messages;
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
    public static (List<ConfigProblem> Problems, List<string> BadKeys) Check(IConfiguration configuration, ConfigPositions? file)
    {
        var problems = new List<ConfigProblem>();
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

    private static ConfigProblem? Problem(string key, string? value, ConfigPositions? file, HashSet<string> reported)
    {
        var node = Schema.Value.RootElement;
        string path = "";
        foreach (var segment in key.Split(':'))
        {
            if (node.TryGetProperty("items", out var items))
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return reported.Add(path) ? new ConfigProblem(path, ConfigMessages.ListExpectedHere.Say()) : null;
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
                    var what = path.Length == 0 ? ConfigMessages.UnknownSection : ConfigMessages.UnknownSetting;
                    return inFile && reported.Add(named) ? new ConfigProblem(Trust.Untrusted.ForLog(named, 120), what.Say(("suggestion", Suggestion(segment, properties)))) : null;
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

        return value is not null && ValueProblem(value, node) is { } problem ? new ConfigProblem(path, problem) : null;
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

    private static Said? ValueProblem(string value, JsonElement node)
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
                    : ConfigMessages.NotOneOfNumbers.Say(("value", shown), ("choices", string.Join(", ", choices.EnumerateArray().Select(c => c.GetRawText()))));
            }

            var names = choices.EnumerateArray().Select(c => c.GetString()!).ToArray();
            return names.Contains(value, StringComparer.OrdinalIgnoreCase) ? null
                : ConfigMessages.NotOneOf.Say(("value", shown), ("choices", string.Join(", ", names)), ("suggestion", Suggestion(value, names)));
        }

        string type = node.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (node.TryGetProperty("x-kind", out var kind) && kind.GetString() == "duration")
        {
            if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
            {
                return ConfigMessages.NotDuration.Say(("value", shown));
            }

            string? min = node.TryGetProperty("x-minimum", out var lo) ? lo.GetString() : null;
            string? max = node.TryGetProperty("x-maximum", out var hi) ? hi.GetString() : null;
            bool outside = (min is not null && duration < TimeSpan.Parse(min, CultureInfo.InvariantCulture))
                || (max is not null && duration > TimeSpan.Parse(max, CultureInfo.InvariantCulture));
            // A bare number is a count of days to .NET: "250" meant as seconds or milliseconds is 250 days.
            object days = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                ? (n == 1 ? ConfigMessages.BareNumberDay : ConfigMessages.BareNumberDays).Say(("count", n)) : "";
            return outside ? ConfigMessages.Outside.Say(("value", shown), ("min", min ?? "…"), ("max", max ?? "…"), ("note", days)) : null;
        }

        switch (type)
        {
            case "boolean":
                return bool.TryParse(value, out _) ? null : ConfigMessages.NotBoolean.Say(("value", shown));
            case "integer" or "number":
                if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || (type == "integer" && number != decimal.Truncate(number)))
                {
                    return (type == "integer" ? ConfigMessages.NotWholeNumber : ConfigMessages.NotNumber).Say(("value", shown));
                }

                bool below = node.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal();
                bool above = node.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal();
                return below || above
                    ? ConfigMessages.Outside.Say(("value", shown), ("min", minimum.ValueKind == JsonValueKind.Number ? minimum.GetDecimal() : "…"),
                        ("max", maximum.ValueKind == JsonValueKind.Number ? maximum.GetDecimal() : "…"), ("note", ""))
                    : null;
            case "array" or "object":
                return (type == "array" ? ConfigMessages.ListExpected : ConfigMessages.SectionExpected).Say(("value", shown));
            default:
                return null;
        }
    }

    private static Said Suggestion(string typed, JsonElement properties) =>
        Suggestion(typed, properties.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('$')).ToArray());

    /// <summary>"; did you mean X?" for the nearest name by edit distance, or the list of names when none is near.</summary>
    private static Said Suggestion(string typed, IReadOnlyList<string> names)
    {
        var nearest = names.Select(n => (Name: n, Distance: EditDistance(typed.ToUpperInvariant(), n.ToUpperInvariant())))
            .OrderBy(c => c.Distance).FirstOrDefault();
        if (nearest.Name is not null && nearest.Distance <= Math.Max(2, nearest.Name.Length / 3))
        {
            return ConfigMessages.DidYouMean.Say(("name", nearest.Name));
        }

        return names.Count <= 16 ? ConfigMessages.KnownHere.Say(("names", string.Join(", ", names))) : Said.Text("");
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
