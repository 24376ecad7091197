namespace GateEdge.Tests.Docs;

/// <summary>
/// A file a newcomer can read in one sitting: none under src/ runs past 300 lines unless its
/// opening comment says why ("Longer than 300 lines because …").
/// </summary>
public sealed class FileLengthTests
{
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_is_over_300_lines_without_saying_why()
    {
        var tooLong = Directory.EnumerateFiles(RepoRoot.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(RepoRoot.Path, f), Lines: File.ReadAllLines(f)))
            .Where(f => f.Lines.Length > MaxLines && !OpeningComment(f.Lines).Contains("Longer than 300 lines because", StringComparison.Ordinal))
            .Select(f => $"{f.Path}: {f.Lines.Length} lines");

        Assert.Empty(tooLong);
    }

    /// <summary>The comment lines before the first declaration.</summary>
    private static string OpeningComment(string[] lines) =>
        string.Join(" ", lines.TakeWhile(l => !l.Contains(" class ", StringComparison.Ordinal) && !l.Contains(" struct ", StringComparison.Ordinal) && !l.Contains(" interface ", StringComparison.Ordinal))
            .Where(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
}
