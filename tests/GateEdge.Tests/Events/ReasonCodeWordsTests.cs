using System.Text.Json;
using GateEdge.Events;
using GateEdge.Rules;
using GateEdge.TestSupport;

namespace GateEdge.Tests.Events;

/// <summary>Every reason code has its own published word, and the passage schema and docs/rules.md list exactly those words.</summary>
public sealed class ReasonCodeWordsTests
{
    private static readonly string[] Words = [.. Enum.GetValues<ReasonCode>().Select(Wire.Of)];

    [Fact]
    public void Each_code_has_one_distinct_lower_case_word()
    {
        Assert.Equal(Words.Length, Words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Words, w => Assert.Matches("^[a-z][a-z0-9-]*$", w));
    }

    [Fact]
    public void The_schema_and_the_rules_document_list_every_code()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("docs", "schemas", "passage-4.schema.json")));
        var listed = schema.RootElement.GetProperty("properties").GetProperty("reasonCodes").GetProperty("items").GetProperty("examples")
            .EnumerateArray().Select(e => e.GetString()).ToArray();
        string rules = File.ReadAllText(RepoRoot.File("docs", "rules.md"));

        Assert.Equal(Words, listed);
        Assert.All(Words, w => Assert.Contains($"`{w}`", rules, StringComparison.Ordinal));
    }
}
