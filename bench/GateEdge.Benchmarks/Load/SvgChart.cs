using System.Globalization;
using System.Text;

namespace GateEdge.Benchmarks.Load;

/// <summary>A small line chart as SVG, so the harness draws its own curves with nothing to install.</summary>
internal static class SvgChart
{
    private const double Width = 640, Height = 360, Left = 70, Right = 20, Top = 40, Bottom = 50;
    private static readonly string[] Colours = ["#1a73e8", "#d93025", "#188038", "#e37400"];

    /// <param name="target">A horizontal dashed line, for the target the curve is held to.</param>
    public static string Line(string title, string xLabel, string yLabel, bool logX, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series, double? target = null)
    {
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y)).ToList();
        double xMin = points.Min(p => p.X), xMax = points.Max(p => p.X);
        double yMax = NiceCeiling(Math.Max(points.Max(p => p.Y), target ?? 0) * 1.05);
        double X(double x) => Left + ((logX ? Math.Log10(x / xMin) / Math.Max(1e-9, Math.Log10(xMax / xMin)) : (x - xMin) / Math.Max(1e-9, xMax - xMin)) * (Width - Left - Right));
        double Y(double y) => Height - Bottom - (y / yMax * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" font-family="sans-serif" font-size="12">"""));
        svg.Append(Invariant($"""<rect width="{Width}" height="{Height}" fill="white"/><text x="{Width / 2}" y="20" text-anchor="middle" font-size="14">{Escape(title)}</text>"""));
        svg.Append(Invariant($"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#333"/><line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#333"/>"""));
        foreach (var x in points.Select(p => p.X).Distinct().Order())
        {
            svg.Append(Invariant($"""<text x="{X(x):0.#}" y="{Height - Bottom + 16}" text-anchor="middle">{Format(x)}</text>"""));
        }

        for (int i = 0; i <= 4; i++)
        {
            double y = yMax * i / 4;
            svg.Append(Invariant($"""<text x="{Left - 6}" y="{Y(y) + 4:0.#}" text-anchor="end">{Format(y)}</text><line x1="{Left}" y1="{Y(y):0.#}" x2="{Width - Right}" y2="{Y(y):0.#}" stroke="#eee"/>"""));
        }

        svg.Append(Invariant($"""<text x="{Width / 2}" y="{Height - 10}" text-anchor="middle">{Escape(xLabel)}</text>"""));
        svg.Append(Invariant($"""<text transform="translate(16,{Height / 2}) rotate(-90)" text-anchor="middle">{Escape(yLabel)}</text>"""));
        if (target is { } t)
        {
            svg.Append(Invariant($"""<line x1="{Left}" y1="{Y(t):0.#}" x2="{Width - Right}" y2="{Y(t):0.#}" stroke="#777" stroke-dasharray="6 4"/><text x="{Width - Right}" y="{Y(t) - 4:0.#}" text-anchor="end" fill="#777">target {Format(t)}</text>"""));
        }

        for (int s = 0; s < series.Count; s++)
        {
            var (name, line) = series[s];
            var finite = line.Where(p => double.IsFinite(p.Y)).ToList();
            var colour = Colours[s % Colours.Length];
            svg.Append($"""<polyline fill="none" stroke="{colour}" stroke-width="2" points="{string.Join(' ', finite.Select(p => Invariant($"{X(p.X):0.#},{Y(p.Y):0.#}")))}"/>""");
            foreach (var p in finite)
            {
                svg.Append(Invariant($"""<circle cx="{X(p.X):0.#}" cy="{Y(p.Y):0.#}" r="3" fill="{colour}"/>"""));
            }

            svg.Append(Invariant($"""<text x="{Left + 10}" y="{Top + 14 + (s * 16)}" fill="{colour}">{Escape(name)}</text>"""));
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The next 1, 2, 2.5 or 5 times a power of ten, so the axis ticks read as round numbers.</summary>
    private static double NiceCeiling(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(v => v >= value);
    }

    private static string Format(double value) => value switch
    {
        >= 1_000_000 => Invariant($"{value / 1_000_000:0.#}M"),
        >= 1_000 => Invariant($"{value / 1_000:0.#}k"),
        >= 10 => Invariant($"{value:0}"),
        _ => Invariant($"{value:0.##}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
