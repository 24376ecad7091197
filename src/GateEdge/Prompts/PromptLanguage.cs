namespace GateEdge.Prompts;

/// <summary>The languages a lane speaks and shows: zh-CN by default, English where asked (<c>Prompts.Language</c>, <c>Lanes[].Language</c>).</summary>
internal enum PromptLanguage
{
    ZhCn,
    En,
}

internal static class PromptLanguages
{
    /// <summary>The configuration's spellings, as the lane page's <c>lang</c> attribute takes them.</summary>
    public static readonly IReadOnlyList<string> Names = ["zh-CN", "en"];

    public static bool TryParse(string? name, out PromptLanguage language)
    {
        int index = Names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        language = index < 0 ? PromptLanguage.ZhCn : (PromptLanguage)index;
        return index >= 0;
    }

    public static string Name(PromptLanguage language) => Names[(int)language];
}
