using GateEdge.Configuration;
using Microsoft.Extensions.Configuration;

namespace GateEdge.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    private static string RepoFile(string relative) => TestSupport.RepoRoot.File(relative);

    [Fact]
    public void The_checked_in_schema_is_the_one_the_options_classes_generate()
    {
        var generated = ConfigSchemaGenerator.Generate();
        var path = RepoFile("config/gateedge.schema.json");
        if (Environment.GetEnvironmentVariable("GATEEDGE_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == generated,
            "config/gateedge.schema.json is out of step with the options classes: regenerate it with GATEEDGE_WRITE_SCHEMA=1 dotnet test tests/GateEdge.Tests --filter ConfigSchemaTests");
    }

    [Fact]
    public void The_shipped_example_holds_to_the_schema()
    {
        var path = RepoFile("config/gateedge.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();

        Assert.Empty(ConfigSchema.Check(configuration, ConfigPositions.Read(path)).Problems);
    }
}
