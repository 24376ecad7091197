using System.Globalization;
using GateEdge.Configuration;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GateEdge.Hosting;

/// <summary>
/// Builds the gateway's logger from the <c>Serilog</c> section, in code: the minimum level with
/// its per-namespace overrides, and the two sinks GateEdge ships, <c>Console</c> and <c>File</c>,
/// with the arguments config/README.md lists. Read by hand rather than by
/// Serilog.Settings.Configuration, whose reflection a trimmed, native gateway does not keep; the
/// file's format stays Serilog's own. <see cref="LoggingSettings"/> checks the same section for
/// <c>config check</c>; a section without sinks logs to the console. The gateway adds
/// <see cref="LogLinePrefix"/>, which the console template uses.
/// </summary>
internal static class LogSetup
{
    /// <summary>
    /// The console line when the configuration names none: one line per event, starting with its
    /// syslog priority under systemd and with the time and level in a terminal (<see cref="LogLinePrefix"/>).
    /// </summary>
    public const string ConsoleTemplate = "{Prefix:l}{Message:lj}{ExceptionLine:l}{NewLine}";

    public static LoggerConfiguration Apply(LoggerConfiguration logger, IConfiguration configuration)
    {
        var section = configuration.GetSection(LoggingSettings.Section);
        var minimum = section.GetSection("MinimumLevel");
        if (LoggingSettings.Level(minimum.Value ?? minimum["Default"]) is { } level)
        {
            logger.MinimumLevel.Is(level);
        }

        foreach (var over in minimum.GetSection("Override").GetChildren())
        {
            if (LoggingSettings.Level(over.Value) is { } overridden)
            {
                logger.MinimumLevel.Override(over.Key, overridden);
            }
        }

        var sinks = LoggingSettings.Sinks(section).ToList();
        if (sinks.Count == 0)
        {
            // A configuration without a Serilog section still gets a gateway that speaks.
            return logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
        }

        foreach (var (name, args) in sinks)
        {
            var restricted = LoggingSettings.Level(args["restrictedToMinimumLevel"]) ?? LogEventLevel.Verbose;
            if (string.Equals(name, "Console", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(restrictedToMinimumLevel: restricted, formatProvider: CultureInfo.InvariantCulture,
                    outputTemplate: args["outputTemplate"] ?? ConsoleTemplate);
            }
            else if (string.Equals(name, "File", StringComparison.OrdinalIgnoreCase))
            {
                File(logger, args, restricted);
            }
        }

        return logger;
    }

    private static void File(LoggerConfiguration logger, IConfiguration args, LogEventLevel restricted)
    {
        string path = args["path"]!;
        var interval = Enum.TryParse<RollingInterval>(args["rollingInterval"], ignoreCase: true, out var parsed) ? parsed : RollingInterval.Infinite;
        int? retained = int.TryParse(args["retainedFileCountLimit"], CultureInfo.InvariantCulture, out int count) ? count : 31;
        long? sizeLimit = long.TryParse(args["fileSizeLimitBytes"], CultureInfo.InvariantCulture, out long bytes) ? bytes : 1L << 30;
        bool rollOnSize = bool.TryParse(args["rollOnFileSizeLimit"], out bool roll) && roll;
        if (LoggingSettings.IsCompactJson(args["formatter"]))
        {
            logger.WriteTo.File(new CompactJsonFormatter(), path, restricted, sizeLimit, rollingInterval: interval,
                retainedFileCountLimit: retained, rollOnFileSizeLimit: rollOnSize);
            return;
        }

        logger.WriteTo.File(path, restricted, args["outputTemplate"] ?? "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
            CultureInfo.InvariantCulture, sizeLimit, rollingInterval: interval, retainedFileCountLimit: retained, rollOnFileSizeLimit: rollOnSize);
    }
}
