using System.Text.Json;
using GateEdge.Common.Messages;

namespace GateEdge.StatusPage;

/// <summary>
/// The status page (status.html) in one language: the page's texts, the names of values (states,
/// outcomes), the reasons in a guard's words and what a guard does, all from the message catalogue,
/// sent with the page as one JSON object it fills its placeholders from.
/// </summary>
internal static class StatusPageHtml
{
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(StatusPageHtml).Assembly.GetManifestResourceStream("GateEdge.StatusPage.status.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<string> Chinese = new(() => Build(Language.Chinese));

    private static readonly Lazy<string> English = new(() => Build(Language.English));

    public static string Render(Language language) => language == Language.Chinese ? Chinese.Value : English.Value;

    private static string Build(Language language)
    {
        var texts = Catalogue.Templates([.. PageMessages.All, .. ReasonMessages.All], language);
        // Inside a <script>: "</" must not end it early, whatever a text says.
        string json = JsonSerializer.Serialize(texts, StatusJson.Default.DictionaryStringString).Replace("</", "<\\/", StringComparison.Ordinal);
        var other = language == Language.Chinese ? Language.English : Language.Chinese;
        return Template.Value
            .Replace("{{lang}}", language.Tag(), StringComparison.Ordinal)
            .Replace("{{otherLang}}", other.Tag(), StringComparison.Ordinal)
            .Replace("{{otherLanguageName}}", other == Language.Chinese ? "中文" : "English", StringComparison.Ordinal)
            .Replace("{{texts}}", json, StringComparison.Ordinal);
    }
}
