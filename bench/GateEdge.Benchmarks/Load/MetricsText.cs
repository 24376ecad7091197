using System.Globalization;
using System.Text.RegularExpressions;

namespace GateEdge.Benchmarks.Load;

/// <summary>Reads a histogram from the gateway's Prometheus text and estimates quantiles as Prometheus's histogram_quantile does.</summary>
internal static partial class MetricsText
{
    public static (long Count, double Sum, List<(double Le, long Cumulative)> Buckets) Histogram(string text, string name)
    {
        var buckets = new List<(double, long)>();
        long count = 0;
        double sum = 0;
        foreach (var line in text.Split('\n'))
        {
            if (Bucket().Match(line) is { Success: true } b && b.Groups[1].Value == name)
            {
                double le = b.Groups[2].Value == "+Inf" ? double.PositiveInfinity : double.Parse(b.Groups[2].Value, CultureInfo.InvariantCulture);
                buckets.Add((le, long.Parse(b.Groups[3].Value, CultureInfo.InvariantCulture)));
            }
            else if (line.StartsWith(name + "_count ", StringComparison.Ordinal))
            {
                count = long.Parse(line[(name.Length + 7)..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith(name + "_sum ", StringComparison.Ordinal))
            {
                sum = double.Parse(line[(name.Length + 5)..], CultureInfo.InvariantCulture);
            }
        }

        return (count, sum, buckets);
    }

    /// <summary>What a histogram counted between two scrapes.</summary>
    public static List<(double Le, long Cumulative)> Minus(List<(double Le, long Cumulative)> after, List<(double Le, long Cumulative)> before) =>
        [.. after.Select((b, i) => (b.Le, b.Cumulative - (i < before.Count ? before[i].Cumulative : 0)))];

    /// <summary>Linear interpolation inside the bucket holding the rank; the last finite bound when it falls in +Inf.</summary>
    public static double Quantile(double q, List<(double Le, long Cumulative)> buckets)
    {
        long total = buckets.Count == 0 ? 0 : buckets[^1].Cumulative;
        if (total == 0)
        {
            return double.NaN;
        }

        double rank = q * total;
        double lower = 0;
        long below = 0;
        foreach (var (le, cumulative) in buckets)
        {
            if (cumulative >= rank)
            {
                return double.IsPositiveInfinity(le) ? lower : lower + ((le - lower) * (rank - below) / Math.Max(1, cumulative - below));
            }

            lower = le;
            below = cumulative;
        }

        return lower;
    }

    [GeneratedRegex(@"^(\w+)_bucket\{(?:.*,)?le=""([^""]+)""\} (\d+)$")]
    private static partial Regex Bucket();
}
