using GateEdge.Hosting;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace GateEdge.Tests.Hosting;

public sealed class LogLinePrefixTests
{
    private const string Template = "{Prefix:l}{Message:lj}{ExceptionLine:l}{NewLine}";

    [Fact]
    public void Under_systemd_a_line_starts_with_its_syslog_priority_and_an_exception_stays_on_it()
    {
        var line = Render(new LogLinePrefix(journald: true), LogEventLevel.Warning, "Broker unavailable", new IOException("refused\n  at inner"));

        Assert.Equal("<4>Broker unavailable | System.IO.IOException: refused\\n  at inner" + Environment.NewLine, line);
    }

    [Fact]
    public void In_a_terminal_a_line_starts_with_the_time_and_level()
    {
        var line = Render(new LogLinePrefix(journald: false), LogEventLevel.Information, "GateEdge running", null);

        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] GateEdge running\r?\n$", line);
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, 2)]
    [InlineData(LogEventLevel.Error, 3)]
    [InlineData(LogEventLevel.Information, 6)]
    [InlineData(LogEventLevel.Debug, 7)]
    public void Levels_map_to_syslog_priorities(LogEventLevel level, int priority) => Assert.Equal(priority, LogLinePrefix.Priority(level));

    private static string Render(LogLinePrefix prefix, LogEventLevel level, string text, Exception? exception)
    {
        var logEvent = new LogEvent(DateTimeOffset.Now, level, exception, new MessageTemplateParser().Parse(text), []);
        prefix.Enrich(logEvent, new PropertyFactory());
        var output = new StringWriter();
        new MessageTemplateTextFormatter(Template).Format(logEvent, output);
        return output.ToString();
    }

    private sealed class PropertyFactory : Serilog.Core.ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) =>
            new(name, new ScalarValue(value));
    }
}
