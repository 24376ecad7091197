using System.Text.RegularExpressions;
using GateEdge.Cli;
using GateEdge.Common.Messages;

namespace GateEdge.Tests.Cli;

/// <summary>
/// <c>gateedge config check</c> on a corpus of mistakes technicians make (Cli/ConfigMistakes): each
/// file says in its first comment what went wrong, and in <c>// expect:</c> lines every problem the
/// check must print, no more and no fewer.
/// </summary>
public sealed partial class ConfigMistakeCorpusTests
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

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void In_Chinese_every_problem_is_said_in_Chinese_with_the_same_paths_and_places_and_exit_code(string mistake)
    {
        var file = Path.Combine(Corpus, mistake + ".json");
        var english = new StringWriter();
        var chinese = new StringWriter();

        int englishExit = ConfigCheck.Run(file, english, Language.English);
        int chineseExit = ConfigCheck.Run(file, chinese, Language.Chinese);

        var englishLines = Problems(english);
        var chineseLines = Problems(chinese);
        Assert.Equal(englishExit, chineseExit);
        Assert.Equal(englishLines.Count, chineseLines.Count);
        // The place ("第 3 行第 5 列：") is not enough: what is wrong must be in Chinese too.
        Assert.All(chineseLines, line => Assert.True(Han().IsMatch(Place().Replace(line, "")), $"not said in Chinese: {line}"));
        // Paths and option names stay as in the file: a technician searches for them.
        Assert.Equal(englishLines.Select(Paths), chineseLines.Select(Paths));
    }

    private static List<string> Problems(StringWriter output) =>
        [.. output.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("  ", StringComparison.Ordinal))];

    private static string Paths(string line) => string.Join(" ", SettingPath().Matches(line).Select(m => m.Value));

    [GeneratedRegex(@"^\s*第 \d+ 行第 \d+ 列：")]
    private static partial Regex Place();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\b(?:Gateway|Devices|Lanes|Rules|Registry|Mqtt|Journal|Commands|Privacy|Outputs|StatusPage|Prompts|Serilog)(?:[.\[][A-Za-z0-9_.\[\]]*)?")]
    private static partial Regex SettingPath();

    [Fact]
    public void The_corpus_is_there() => Assert.True(Mistakes().Count >= 30, $"only {Mistakes().Count} mistakes in {Corpus}");
}
