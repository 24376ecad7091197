using System.Text.RegularExpressions;

namespace GateEdge.Tests.Docs;

/// <summary>
/// The Chinese guides in docs/zh-CN stay in step with the English ones they translate: the same
/// sections in the same order, the same command blocks to the byte, the same tables with the same
/// number of rows, and every command or setting written inline in one written in the other. A
/// section added to one guide and not the other fails here.
/// </summary>
public sealed partial class TranslatedGuideTests
{
    public static TheoryData<string> Guides() => ["technician-guide.md", "lane-prompts.md"];

    [Theory]
    [MemberData(nameof(Guides))]
    public void The_Chinese_guide_has_the_same_sections_in_the_same_order(string guide)
    {
        var (english, chinese) = Read(guide);

        Assert.Equal(Headings(english).Select(h => h.Level), Headings(chinese).Select(h => h.Level));
        Assert.Equal(Headings(english).Select(h => h.Number), Headings(chinese).Select(h => h.Number));
        Assert.True(Han().IsMatch(string.Join(" ", Headings(chinese).Select(h => h.Text))), "the headings are not in Chinese");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void The_Chinese_guide_has_the_same_commands_and_tables(string guide)
    {
        var (english, chinese) = Read(guide);

        Assert.Equal(CodeBlocks(english), CodeBlocks(chinese));
        Assert.Equal(TableRows(english), TableRows(chinese));
        Assert.Equal(InlineCommands(english), InlineCommands(chinese));
    }

    private static (string English, string Chinese) Read(string guide) =>
        (File.ReadAllText(RepoRoot.File("docs", guide)), File.ReadAllText(RepoRoot.File("docs", "zh-CN", guide)));

    /// <summary>Each heading's level, its number ("1." in "## 1. Build"), and its text.</summary>
    private static List<(int Level, string Number, string Text)> Headings(string markdown) =>
        [.. OutsideCode(markdown).Select(l => Heading().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["hashes"].Length, m.Groups["number"].Value, m.Groups["text"].Value))];

    private static List<string> CodeBlocks(string markdown) =>
        [.. CodeBlock().Matches(markdown).Select(m => m.Value)];

    /// <summary>The number of rows of each table, in order.</summary>
    private static List<int> TableRows(string markdown)
    {
        var tables = new List<int>();
        int rows = 0;
        foreach (var line in OutsideCode(markdown).Append(""))
        {
            if (line.StartsWith('|'))
            {
                rows++;
            }
            else if (rows > 0)
            {
                tables.Add(rows);
                rows = 0;
            }
        }

        return tables;
    }

    /// <summary>Commands written inline (`gateedge config check`, `systemctl restart gateedge`), as a sorted set.</summary>
    private static List<string> InlineCommands(string markdown) =>
        [.. InlineCode().Matches(string.Join("\n", OutsideCode(markdown))).Select(m => Whitespace().Replace(m.Groups[1].Value, " "))
            .Where(c => CommandStart().IsMatch(c)).Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<string> OutsideCode(string markdown)
    {
        bool inCode = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"^(?<hashes>#{2,4}) (?:(?<number>\d+\.) )?(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```[^\n]*\n.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    // Inline code may wrap onto the next line, as the English guide's lines do.
    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(gateedge|systemctl|journalctl|apt|dotnet|openssl|chromium|ssh|deploy/|udevadm|chown|chmod|echo) ")]
    private static partial Regex CommandStart();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
