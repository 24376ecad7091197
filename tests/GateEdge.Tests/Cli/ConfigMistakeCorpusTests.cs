using GateEdge.Cli;

namespace GateEdge.Tests.Cli;

/// <summary>
/// <c>gateedge config check</c> on a corpus of mistakes technicians make (Cli/ConfigMistakes): each
/// file says in its first comment what went wrong, and in <c>// expect:</c> lines every problem the
/// check must print, no more and no fewer.
/// </summary>
public sealed class ConfigMistakeCorpusTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Cli", "ConfigMistakes");

    public static TheoryData<string> Mistakes() => [.. Directory.GetFiles(Corpus, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order()];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Every_problem_of_a_realistic_mistake_is_printed_with_its_path_and_the_check_fails(string mistake)
    {
        var file = Path.Combine(Corpus, mistake + ".json");
        var expected = File.ReadLines(file).Where(l => l.StartsWith("// expect: ", StringComparison.Ordinal)).Select(l => l["// expect: ".Length..]).ToList();
        var output = new StringWriter();

        int exit = ConfigCheck.Run(file, output);

        var problems = output.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, exit);
        Assert.NotEmpty(expected);
        Assert.All(expected, e => Assert.Contains(problems, p => p.Contains(e, StringComparison.Ordinal)));
        Assert.Equal(expected.Count, problems.Count);
    }

    [Fact]
    public void The_corpus_is_there() => Assert.True(Mistakes().Count >= 30, $"only {Mistakes().Count} mistakes in {Corpus}");
}
