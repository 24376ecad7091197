using Serilog.Core;
using Serilog.Events;

namespace GateEdge.Hosting;

/// <summary>
/// What a console log line starts and ends with, for the console template
/// <c>{Prefix:l}{Message:lj}{ExceptionLine:l}{NewLine}</c>. Under systemd (stdout goes to the
/// journal: <c>JOURNAL_STREAM</c> is set) the line starts with its syslog priority
/// (<c>&lt;4&gt;</c>), so <c>journalctl -p warning</c> works and journald's own timestamp is the only
/// one; in a terminal it starts with the time and level. An exception stays on its line, escaped,
/// so one event is one line.
/// </summary>
internal sealed class LogLinePrefix(bool journald) : ILogEventEnricher
{
    public static LogLinePrefix ForThisProcess() => new(Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 });

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        string prefix = journald
            ? $"<{Priority(logEvent.Level)}>"
            : $"[{logEvent.Timestamp.ToLocalTime():HH:mm:ss} {Abbreviation(logEvent.Level)}] ";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Prefix", prefix));
        string exception = logEvent.Exception is { } ex ? " | " + ex.ToString().ReplaceLineEndings("\\n") : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ExceptionLine", exception));
    }

    /// <summary>syslog priorities (RFC 5424): 2 critical, 3 error, 4 warning, 6 informational, 7 debug.</summary>
    internal static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "FTL",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Information => "INF",
        LogEventLevel.Debug => "DBG",
        _ => "VRB",
    };
}
