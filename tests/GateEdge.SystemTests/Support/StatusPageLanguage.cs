using System.Text.RegularExpressions;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// What a reader of one language sees on a GateEdge page in a real browser: a screenshot at the
/// gate's 800×480, every Chinese character drawn by a font that has it (never the empty box of a
/// missing glyph), and in Chinese no English word left but names (lanes, devices, ids) and what the
/// page marks as the gateway's own English (<c>lang="en"</c>: a device's or the broker's reason).
/// </summary>
internal static partial class StatusPageLanguage
{
    /// <summary>Words that are names in either language.</summary>
    private static readonly HashSet<string> Names = ["GateEdge", "MQTT", "TLS", "English"];

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="names">The gate's own names made of letters only (its gate id), which stay as configured.</param>
    public static async Task AssertChineseAsync(HeadlessChromium browser, string name, params string[] names)
    {
        await ScreenshotAsync(browser, name);
        string text = await browser.EvaluateAsync(
            "(() => { const b = document.body.cloneNode(true); b.querySelectorAll('[lang=en], script').forEach(e => e.remove()); return b.textContent; })()");
        // Names with a digit in them (lane1-idcard, gw-7, R3, v1) are names; a word of letters is English.
        var english = Token().Split(text).Where(t => Letters().IsMatch(t) && !t.Any(char.IsAsciiDigit) && !Names.Contains(t) && !names.Contains(t)).Distinct().ToList();
        Assert.True(english.Count == 0, $"English left on the Chinese page: {string.Join(", ", english)}");
        Assert.Equal("", await MissingGlyphsAsync(browser));
    }

    /// <param name="chinese">The Chinese the English page may hold: the status page's link to its Chinese version.</param>
    public static async Task AssertEnglishAsync(HeadlessChromium browser, string name, string chinese = "")
    {
        await ScreenshotAsync(browser, name);
        Assert.Equal(chinese, await browser.EvaluateAsync("[...document.body.textContent.matchAll(/\\p{Script=Han}+/gu)].map(m => m[0]).join(' ')"));
        Assert.Equal("", await MissingGlyphsAsync(browser));
    }

    private static async Task ScreenshotAsync(HeadlessChromium browser, string name)
    {
        var png = await browser.ScreenshotAsync(Path.Combine(Screenshots, name + ".png"), 800, 480);
        Assert.True(png.Length > 4000 && png[..4].SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), $"{name}: not a picture of the page");
    }

    /// <summary>
    /// The page's Chinese characters that draw exactly as a code point no font has (U+10FFFD, drawn
    /// as the font's empty box): those would show as boxes. The box itself must draw something, or
    /// the comparison would prove nothing.
    /// </summary>
    private static Task<string> MissingGlyphsAsync(HeadlessChromium browser) => browser.EvaluateAsync("""
        (() => {
          const canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 40;
          const g = canvas.getContext('2d', { willReadFrequently: true });
          g.font = `32px ${getComputedStyle(document.body).fontFamily}`;
          const draw = c => { g.clearRect(0, 0, 40, 40); g.fillText(c, 2, 32); return g.getImageData(0, 0, 40, 40).data.join(); };
          const box = draw('\u{10FFFD}');
          if (box === draw(' ')) return 'the missing-glyph box draws nothing here';
          return [...new Set(document.body.textContent.match(/\p{Script=Han}/gu) ?? [])].filter(c => draw(c) === box).join('');
        })()
        """);

    [GeneratedRegex(@"[^\p{L}\p{N}_.\-]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Letters();
}
