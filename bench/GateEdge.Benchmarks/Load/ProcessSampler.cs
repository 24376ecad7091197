using System.Diagnostics;
using System.Globalization;

namespace GateEdge.Benchmarks.Load;

/// <summary>Samples a process's resident memory (VmRSS) and CPU time every 250 ms while it runs.</summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TimeSpan At, long RssBytes, long PrivateBytes, TimeSpan Cpu)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _sampling;

    public ProcessSampler(Process process)
    {
        _process = process;
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakRssBytes => Samples().Max(s => s.RssBytes);

    /// <summary>Median RSS over the samples after <paramref name="from"/>.</summary>
    public long SteadyRssBytes(TimeSpan from) => Median(Samples().Where(s => s.At >= from).Select(s => s.RssBytes));

    /// <summary>Median of the process's own pages (RssAnon + RssShmem) after <paramref name="from"/>.</summary>
    public long SteadyPrivateBytes(TimeSpan from) => Median(Samples().Where(s => s.At >= from).Select(s => s.PrivateBytes));

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>CPU used between two moments, as a share of one core.</summary>
    public double CpuShare(TimeSpan from, TimeSpan to)
    {
        var samples = Samples();
        var first = samples.First(s => s.At >= from);
        var last = samples.Last(s => s.At <= to);
        return (last.Cpu - first.Cpu) / (last.At - first.At);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private List<(TimeSpan At, long RssBytes, long PrivateBytes, TimeSpan Cpu)> Samples()
    {
        lock (_samples)
        {
            return [.. _samples];
        }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var status = File.ReadAllLines($"/proc/{_process.Id}/status");
                long Kb(string field) => long.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                _process.Refresh();
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed, Kb("VmRSS:") * 1024, (Kb("RssAnon:") + Kb("RssShmem:")) * 1024, _process.TotalProcessorTime));
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
