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

    /// <summary>Called for every prompt shown (a lane's language is looked up then): no allocation.</summary>
    public static bool TryParse(string? name, out PromptLanguage language)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                language = (PromptLanguage)i;
                return true;
            }
        }

        language = PromptLanguage.ZhCn;
        return false;
    }

    public static string Name(PromptLanguage language) => Names[(int)language];
}
