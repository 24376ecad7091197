using GateEdge.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace GateEdge.Tests.Hosting;

/// <summary>The logger is built in code from the Serilog section: levels with overrides, and the file sink in compact JSON.</summary>
public sealed class LogSetupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-log-").FullName;

    [Fact]
    public void Levels_and_overrides_decide_what_reaches_a_daily_compact_json_file()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:GateEdge"] = "Information",
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = Path.Combine(_dir, "gateedge-.json"),
            ["Serilog:WriteTo:0:Args:rollingInterval"] = "Day",
            ["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        }).Build();

        using (var logger = LogSetup.Apply(new LoggerConfiguration(), configuration).CreateLogger())
        {
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "GateEdge.Lanes.DecisionFeed").Information("Lane {Lane} decided", "lane1");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.Hosting.Lifetime").Information("Application started");
        }

        var file = Assert.Single(Directory.GetFiles(_dir, "gateedge-*.json"));
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Contains("\"@mt\":\"Lane {Lane} decided\"", line, StringComparison.Ordinal);
        Assert.Matches(@"gateedge-\d{8}\.json$", file);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
