using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using GateEdge.Configuration;
using GateEdge.Status;

namespace GateEdge.StatusPage;

/// <summary>
/// Collects one meter's measurements and writes them in the Prometheus text exposition format
/// (version 0.0.4): counters as running totals, observable instruments as read at scrape time,
/// histograms with fixed cumulative buckets, sum and count.
/// </summary>
internal sealed class PrometheusText : IDisposable
{
    /// <summary>Upper bounds in seconds for a histogram that advises none: acknowledgements take milliseconds on a LAN and seconds over a bad link.</summary>
    private static readonly double[] DefaultBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<Instrument, Dictionary<string, Series>> _series = [];

    public PrometheusText(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (var (instrument, series) in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal))
            {
                text.Append("# HELP ").Append(instrument.Name).Append(' ').Append(instrument.Description).Append('\n');
                text.Append("# TYPE ").Append(instrument.Name).Append(' ').Append(TypeOf(instrument)).Append('\n');
                foreach (var (labels, s) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    if (instrument is Histogram<double> histogram)
                    {
                        var buckets = Buckets(histogram);
                        for (int i = 0; i < buckets.Count; i++)
                        {
                            Line(text, instrument.Name + "_bucket", Join(labels, $"le=\"{Number(buckets[i])}\""), s.BucketCounts[i]);
                        }

                        Line(text, instrument.Name + "_bucket", Join(labels, "le=\"+Inf\""), s.Count);
                        Line(text, instrument.Name + "_sum", labels, s.Value);
                        Line(text, instrument.Name + "_count", labels, s.Count);
                    }
                    else
                    {
                        Line(text, instrument.Name, labels, s.Value);
                    }
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_lock)
        {
            if (!_series.TryGetValue(instrument, out var series))
            {
                _series[instrument] = series = new Dictionary<string, Series>(StringComparer.Ordinal);
            }

            if (!series.TryGetValue(labels, out var s))
            {
                series[labels] = s = new Series(new long[instrument is Histogram<double> h ? Buckets(h).Count : 0]);
            }

            switch (instrument)
            {
                case Counter<long> or Counter<double>:
                    s.Value += value;
                    break;
                case Histogram<double> histogram:
                    s.Value += value;
                    s.Count++;
                    var buckets = Buckets(histogram);
                    for (int i = 0; i < buckets.Count; i++)
                    {
                        if (value <= buckets[i])
                        {
                            s.BucketCounts[i]++;
                        }
                    }

                    break;
                default:
                    // Observable instruments report their current value (a gauge) or running total (a counter).
                    s.Value = value;
                    break;
            }
        }
    }

    private static IReadOnlyList<double> Buckets(Histogram<double> histogram) => histogram.Advice?.HistogramBucketBoundaries ?? DefaultBuckets;

    private static string TypeOf(Instrument instrument) => instrument switch
    {
        Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => "counter",
        Histogram<double> => "histogram",
        _ => "gauge",
    };

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{key}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static void Line(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append(labels.Length == 0 ? "" : "{" + labels + "}").Append(' ').Append(Number(value)).Append('\n');

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Series(long[] bucketCounts)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[] BucketCounts { get; } = bucketCounts;
    }
}
