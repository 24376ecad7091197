using Microsoft.Extensions.Configuration;

namespace GateEdge.Configuration;

/// <summary>
/// The <c>Serilog</c> section is read by Serilog itself, which ignores a sink it cannot find: a
/// typo there would leave a gateway that logs nothing. The sinks GateEdge ships are checked here,
/// and a configuration without any sink logs to the console.
/// </summary>
internal static class LoggingSettings
{
    /// <summary>The sinks the gateway is built with (Serilog.Sinks.Console and Serilog.Sinks.File).</summary>
    public static readonly string[] Sinks = ["Console", "File"];

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            // Either { "Name": "Console", "Args": … } or, in Serilog's short form, "WriteTo": { "Console": … }.
            string? name = sink["Name"] ?? (sink.Value is null && !int.TryParse(sink.Key, out _) ? sink.Key : null);
            if (name is not null && !Sinks.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                string path = $"Serilog.WriteTo[{sink.Key}].Name";
                yield return $"{path}: '{Trust.Untrusted.ForLog(name, 64)}' is not a log sink GateEdge has ({string.Join(", ", Sinks)}); nothing would be logged there";
            }
        }
    }

    /// <summary>True when the configuration names no sink at all: the gateway then logs to the console.</summary>
    public static bool HasNoSink(IConfiguration configuration) => !configuration.GetSection("Serilog:WriteTo").GetChildren().Any();
}
