namespace GateEdge.Common.Messages;

/// <summary>The languages GateEdge speaks to people: Chinese for the guards, residents and local technicians, English beside it.</summary>
internal enum Language
{
    English,
    Chinese,
}

/// <summary>Which language a person asked for: <c>--lang</c>, else the locale variables as gettext reads them.</summary>
internal static class Languages
{
    /// <summary>The tags <c>--lang</c> and the status page take.</summary>
    public static readonly string[] Tags = ["zh-CN", "en"];

    /// <summary>"zh-CN", "zh_CN.UTF-8", "zh" are Chinese; "en", "en-US", "C", "POSIX" English; anything else is not a language here.</summary>
    public static bool TryParse(string? tag, out Language language)
    {
        language = Language.English;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return false;
        }

        string lower = tag.Trim().ToLowerInvariant();
        if (lower is "zh" || lower.StartsWith("zh-", StringComparison.Ordinal) || lower.StartsWith("zh_", StringComparison.Ordinal))
        {
            language = Language.Chinese;
            return true;
        }

        return lower is "en" or "c" or "posix" || lower.StartsWith("en-", StringComparison.Ordinal) || lower.StartsWith("en_", StringComparison.Ordinal)
            || lower.StartsWith("c.", StringComparison.Ordinal);
    }

    /// <summary>
    /// The first of LC_ALL, LC_MESSAGES and LANG that is set decides, as for every other program on
    /// the box; a locale that is neither Chinese nor English, or none, gives English.
    /// </summary>
    public static Language FromEnvironment(Func<string, string?> variable)
    {
        foreach (var name in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            if (variable(name) is { Length: > 0 } value)
            {
                return TryParse(value, out var language) ? language : Language.English;
            }
        }

        return Language.English;
    }

    public static Language FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static string Tag(this Language language) => language == Language.Chinese ? "zh-CN" : "en";
}
