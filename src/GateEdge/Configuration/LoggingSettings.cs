using GateEdge.Common.Messages;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace GateEdge.Configuration;

/// <summary>
/// The checks of the <c>Serilog</c> section, which <c>Hosting/LogSetup</c> turns into the logger:
/// a sink GateEdge does not ship, a level or rolling interval that is no such thing, or a file sink
/// without a path would leave a gateway that logs less than the technician thinks, so each is
/// named here, before start. A configuration without any sink logs to the console.
/// </summary>
internal static class LoggingSettings
{
    public const string Section = "Serilog";

    /// <summary>The sinks the gateway is built with (Serilog.Sinks.Console and Serilog.Sinks.File).</summary>
    public static readonly string[] SinkNames = ["Console", "File"];

    /// <summary>The one structured file format the gateway writes: Serilog's compact JSON.</summary>
    private const string CompactJson = "Serilog.Formatting.Compact.CompactJsonFormatter";

    public static IEnumerable<ConfigProblem> Check(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var minimum = section.GetSection("MinimumLevel");
        foreach (var (path, value) in new[] { ("Serilog.MinimumLevel", minimum.Value), ("Serilog.MinimumLevel.Default", minimum["Default"]) }
            .Concat(minimum.GetSection("Override").GetChildren().Select(o => ($"Serilog.MinimumLevel.Override.{o.Key}", o.Value))))
        {
            if (value is not null && Level(value) is null)
            {
                yield return new ConfigProblem(path, ConfigMessages.NotLogLevel.Say(("value", Trust.Untrusted.ForLog(value, 32)), ("levels", string.Join(", ", Enum.GetNames<LogEventLevel>()))));
            }
        }

        int i = 0;
        foreach (var sink in section.GetSection("WriteTo").GetChildren())
        {
            string at = $"Serilog.WriteTo[{i++}]";
            var (name, args) = Sink(sink);
            if (name is null)
            {
                continue;
            }

            if (!SinkNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ConfigProblem($"{at}.Name", ConfigMessages.NotLogSink.Say(("value", Trust.Untrusted.ForLog(name, 64)), ("sinks", string.Join(", ", SinkNames))));
                continue;
            }

            if (args["restrictedToMinimumLevel"] is { } restricted && Level(restricted) is null)
            {
                yield return new ConfigProblem($"{at}.Args.restrictedToMinimumLevel", ConfigMessages.NotLogLevelShort.Say(("value", Trust.Untrusted.ForLog(restricted, 32))));
            }

            if (!string.Equals(name, "File", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(args["path"]))
            {
                yield return new ConfigProblem($"{at}.Args.path", ConfigMessages.LogFileNeedsPath.Say());
            }

            if (args["rollingInterval"] is { } interval && !Enum.TryParse<RollingInterval>(interval, ignoreCase: true, out _))
            {
                yield return new ConfigProblem($"{at}.Args.rollingInterval", ConfigMessages.NotRollingInterval.Say(("value", Trust.Untrusted.ForLog(interval, 32)), ("choices", string.Join(", ", Enum.GetNames<RollingInterval>()))));
            }

            if (args["formatter"] is { } formatter && !IsCompactJson(formatter))
            {
                yield return new ConfigProblem($"{at}.Args.formatter", ConfigMessages.NotFormatter.Say(("value", Trust.Untrusted.ForLog(formatter, 100)), ("formatter", CompactJson)));
            }
        }
    }

    /// <summary>
    /// A log file sits in a folder of its own: never among the gateway's state or beside its
    /// configuration, where the sink's rolling and retention (which delete older files matching
    /// its name) could remove the journal, the registry, a key or the configuration itself.
    /// </summary>
    public static IEnumerable<ConfigProblem> CheckFileFolders(IConfiguration configuration, string stateDirectory, string journalPath, string configFolder)
    {
        int i = 0;
        foreach (var sink in configuration.GetSection(Section).GetSection("WriteTo").GetChildren())
        {
            string at = $"Serilog.WriteTo[{i++}].Args.path";
            var (name, args) = Sink(sink);
            if (!string.Equals(name, "File", StringComparison.OrdinalIgnoreCase) || args["path"] is not { Length: > 0 } path)
            {
                continue;
            }

            if (!Path.IsPathFullyQualified(path))
            {
                yield return new ConfigProblem(at, ConfigMessages.LogPathNotFull.Say());
                continue;
            }

            string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (Within(folder, stateDirectory) || Same(folder, Path.GetDirectoryName(journalPath)!) || Same(folder, configFolder))
            {
                yield return new ConfigProblem(at, ConfigMessages.LogAmongState.Say(("path", Trust.Untrusted.ForLog(path, 200))));
            }
        }

        static bool Within(string path, string folder)
        {
            var relative = Path.GetRelativePath(Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(path));
            return relative == "." || !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        }

        static bool Same(string a, string b) => Path.GetRelativePath(Path.TrimEndingDirectorySeparator(b), Path.TrimEndingDirectorySeparator(a)) == ".";
    }

    /// <summary>The configured sinks with their arguments, in order; a sink without a name is skipped.</summary>
    public static IEnumerable<(string Name, IConfiguration Args)> Sinks(IConfiguration section) =>
        section.GetSection("WriteTo").GetChildren().Select(Sink).Where(s => s.Name is not null)!;

    /// <summary>A level by its Serilog name (<c>Warning</c>); null when it is none.</summary>
    public static LogEventLevel? Level(string? name) => Enum.TryParse<LogEventLevel>(name, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : null;

    public static bool IsCompactJson(string? formatter) => formatter is not null && formatter.Split(',')[0].Trim() == CompactJson;

    // Either { "Name": "Console", "Args": … } or, in Serilog's short form, "WriteTo": { "Console": { …args } }.
    private static (string? Name, IConfiguration Args) Sink(IConfigurationSection sink) =>
        sink["Name"] is { } name ? (name, sink.GetSection("Args"))
        : sink.Value is null && !int.TryParse(sink.Key, out _) ? (sink.Key, sink)
        : (null, sink);
}
