using System.Globalization;
using System.Text;

namespace GateEdge.Common.Messages;

/// <summary>
/// One thing GateEdge says to a person, in every language it speaks: a stable id (what logs,
/// tests and translators refer to) and a template per language, with named placeholders such as
/// <c>{port}</c>, the same set in each. Plain data and string replacement: nothing is looked up by
/// reflection or from resource files, so a trimmed native build keeps every text.
/// </summary>
internal sealed class Message(string id, string english, string chinese)
{
    public string Id => id;

    public string Template(Language language) => language == Language.Chinese ? chinese : english;

    /// <summary>The placeholder names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        for (int at = template.IndexOf('{', StringComparison.Ordinal); at >= 0; at = template.IndexOf('{', at + 1))
        {
            int end = template.IndexOf('}', at);
            if (end > at + 1 && !names.Contains(template[(at + 1)..end]))
            {
                names.Add(template[(at + 1)..end]);
            }
        }

        return names;
    }

    public Said Say(params (string Name, object? Value)[] values) => Said.Of(this, values);
}

/// <summary>Something said, in any language; English by default, which is what logs get.</summary>
internal sealed class Said
{
    private readonly Func<Language, string> _render;

    private Said(Func<Language, string> render) => _render = render;

    public static Said Of(Message message, (string Name, object? Value)[] values) =>
        new(language => Fill(message.Template(language), values, language));

    /// <summary>Said by composing other things said (a path before a problem).</summary>
    public static Said Of(Func<Language, string> render) => new(render);

    /// <summary>Text that comes from elsewhere (the operating system, a parser) and stays as it came.</summary>
    public static Said Text(string text) => new(_ => text);

    /// <summary>The same thing said, then changed in the words of each language (a line number added to a name).</summary>
    public Said Then(Func<string, Language, string> change) => new(language => change(_render(language), language));

    public string In(Language language) => _render(language);

    public override string ToString() => In(Language.English);

    /// <summary>One pass over the template: a value that itself holds braces is never filled in again.</summary>
    private static string Fill(string template, (string Name, object? Value)[] values, Language language)
    {
        var text = new StringBuilder(template.Length + 32);
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            string name = template[(open + 1)..close];
            int index = Array.FindIndex(values, v => v.Name == name);
            text.Append(index < 0 ? template[open..(close + 1)] : Format(values[index].Value, language));
            at = close + 1;
        }

        return text.ToString();
    }

    private static string Format(object? value, Language language) => value switch
    {
        Said said => said.In(language),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
