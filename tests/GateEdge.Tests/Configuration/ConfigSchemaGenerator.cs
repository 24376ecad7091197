using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json;
using GateEdge.Common;
using GateEdge.Configuration;

namespace GateEdge.Tests.Configuration;

/// <summary>
/// Writes config/gateedge.schema.json from the options classes themselves: their properties,
/// types, defaults and the bounds declared beside each with <see cref="RangeAttribute"/> (<see cref="DurationRangeAttribute"/> for durations). Runs in
/// the tests, where reflection is free; the gateway reads the generated file.
/// </summary>
internal static class ConfigSchemaGenerator
{
    public static string Generate()
    {
        var properties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string", ["description"] = "This schema, for editors." } };
        foreach (var property in Settable(typeof(GatewayConfiguration)))
        {
            properties[property.Name] = For(property.PropertyType, property, Default(new GatewayConfiguration(), property));
        }

        properties["Serilog"] = new JsonObject { ["type"] = "object", ["description"] = "Logging, in Serilog's configuration format: MinimumLevel (with Override) and WriteTo with the Console and File sinks (config/README.md)." };
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://gateedge.example/schemas/gateedge-config.schema.json",
            ["title"] = "GateEdge gateway configuration (gateedge.json)",
            ["description"] = "Generated from the gateway's options classes; config/README.md explains every setting.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject For(Type type, PropertyInfo? property, object? defaultValue)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var range = property?.GetCustomAttribute<RangeAttribute>();
        JsonObject node;
        if (type == typeof(string))
        {
            node = new JsonObject { ["type"] = "string" };
        }
        else if (type == typeof(bool))
        {
            node = new JsonObject { ["type"] = "boolean" };
        }
        else if (type == typeof(TimeSpan))
        {
            node = new JsonObject { ["type"] = "string", ["pattern"] = ConfigSchema.DurationPattern, ["x-kind"] = "duration" };
            if (property?.GetCustomAttribute<DurationRangeAttribute>() is { } bounds)
            {
                node["x-minimum"] = Duration(bounds.Minimum);
                node["x-maximum"] = Duration(bounds.Maximum);
            }
        }
        else if (type.IsEnum)
        {
            node = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)n)]) };
        }
        else if (type.IsPrimitive || type == typeof(decimal))
        {
            bool whole = type != typeof(decimal) && type != typeof(double) && type != typeof(float);
            node = new JsonObject { ["type"] = whole ? "integer" : "number" };
            if (range is not null)
            {
                node["minimum"] = JsonValue.Create(Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture));
                node["maximum"] = JsonValue.Create(Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture));
            }

            if (property?.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
            {
                node["enum"] = new JsonArray([.. allowed.Values.Select(v => (JsonNode)JsonValue.Create(Convert.ToDecimal(v, CultureInfo.InvariantCulture)))]);
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            node = new JsonObject { ["type"] = "object", ["additionalProperties"] = For(type.GetGenericArguments()[1], null, null) };
        }
        else if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            node = new JsonObject { ["type"] = "array", ["items"] = For(element, null, null) };
        }
        else
        {
            var instance = type.IsAbstract ? null : Activator.CreateInstance(type, nonPublic: true);
            var properties = new JsonObject();
            foreach (var p in Settable(type))
            {
                properties[p.Name] = For(p.PropertyType, p, instance is null ? null : Default(instance, p));
            }

            node = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        }

        if (defaultValue is not null && !node.ContainsKey("properties") && !node.ContainsKey("items") && !node.ContainsKey("additionalProperties"))
        {
            node["default"] = defaultValue switch
            {
                TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
                Enum value => value.ToString(),
                bool flag => flag,
                string text => text,
                _ => JsonValue.Create(Convert.ToDecimal(defaultValue, CultureInfo.InvariantCulture)),
            };
        }

        return node;
    }

    /// <summary>The bound as written beside the option (00:00:00.05, not 00:00:00.0500000), once it is known to parse.</summary>
    private static string Duration(object bound) => TimeSpan.TryParse((string)bound, CultureInfo.InvariantCulture, out _)
        ? (string)bound
        : throw new InvalidOperationException($"'{bound}' is not a duration");

    private static object? Default(object instance, PropertyInfo property) => property.GetValue(instance);

    /// <summary>Public instance properties the binder fills, base class first, each in declaration order.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Push(t);
        }

        return chain.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0
                && (p.SetMethod is { IsPublic: true } || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))));
    }
}
