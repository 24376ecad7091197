using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>The configuration cannot run a gate; it lists every problem found, each with its path, in any language.</summary>
internal sealed class GatewayConfigurationException(string source, IReadOnlyList<Said> problems)
    : Exception(Describe(source, problems, Language.English))
{
    /// <summary>Problems still written as English lines (the file cannot be read at all, a parser's complaint).</summary>
    public GatewayConfigurationException(string source, IReadOnlyList<string> problems)
        : this(source, [.. problems.Select(Said.Text)])
    {
    }

    /// <summary>The file the problems are in.</summary>
    public new string Source => source;

    /// <summary>Each problem in English, as the log has it.</summary>
    public IReadOnlyList<string> Problems => [.. problems.Select(p => p.In(Language.English))];

    public IReadOnlyList<string> ProblemsIn(Language language) => [.. problems.Select(p => p.In(language))];

    /// <summary>The heading and every problem on a line of its own, as <c>config check</c> prints them.</summary>
    public string In(Language language) => Describe(source, problems, language);

    private static string Describe(string source, IReadOnlyList<Said> problems, Language language) =>
        ConfigMessages.Problems.Say(("file", source), ("count", problems.Count)).In(language)
        + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems.Select(p => p.In(language)));
}
