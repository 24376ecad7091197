using System.Diagnostics.Metrics;
using GateEdge.Status;
using GateEdge.StatusPage;

namespace GateEdge.Tests.Status;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Counters_gauges_and_histograms_are_written_in_the_text_exposition_format()
    {
        using var meter = new Meter("GateEdge");
        using var other = new Meter("GateEdge");
        using var text = new PrometheusText(meter);
        var decisions = meter.CreateCounter<long>("gateedge_decisions_total", description: "Decisions");
        var latency = meter.CreateHistogram<double>("gateedge_publish_ack_seconds", description: "Acks");
        meter.CreateObservableGauge("gateedge_backlog_events", () => 7L, description: "Backlog");
        other.CreateCounter<long>("gateedge_decisions_total").Add(100);

        decisions.Add(1, new("outcome", "allow"), new("lane", "lane1"));
        decisions.Add(2, new("lane", "lane1"), new("outcome", "allow"));
        decisions.Add(1, new("lane", "lane\"2"), new("outcome", "deny"));
        latency.Record(0.004);
        latency.Record(0.3);

        Assert.Equal("""
            # HELP gateedge_backlog_events Backlog
            # TYPE gateedge_backlog_events gauge
            gateedge_backlog_events 7
            # HELP gateedge_decisions_total Decisions
            # TYPE gateedge_decisions_total counter
            gateedge_decisions_total{lane="lane1",outcome="allow"} 3
            gateedge_decisions_total{lane="lane\"2",outcome="deny"} 1
            # HELP gateedge_publish_ack_seconds Acks
            # TYPE gateedge_publish_ack_seconds histogram
            gateedge_publish_ack_seconds_bucket{le="0.001"} 0
            gateedge_publish_ack_seconds_bucket{le="0.0025"} 0
            gateedge_publish_ack_seconds_bucket{le="0.005"} 1
            gateedge_publish_ack_seconds_bucket{le="0.01"} 1
            gateedge_publish_ack_seconds_bucket{le="0.025"} 1
            gateedge_publish_ack_seconds_bucket{le="0.05"} 1
            gateedge_publish_ack_seconds_bucket{le="0.1"} 1
            gateedge_publish_ack_seconds_bucket{le="0.25"} 1
            gateedge_publish_ack_seconds_bucket{le="0.5"} 2
            gateedge_publish_ack_seconds_bucket{le="1"} 2
            gateedge_publish_ack_seconds_bucket{le="2.5"} 2
            gateedge_publish_ack_seconds_bucket{le="5"} 2
            gateedge_publish_ack_seconds_bucket{le="10"} 2
            gateedge_publish_ack_seconds_bucket{le="+Inf"} 2
            gateedge_publish_ack_seconds_sum 0.304
            gateedge_publish_ack_seconds_count 2

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text.Scrape());
    }

    [Fact]
    public void A_histogram_that_advises_its_buckets_is_written_with_them()
    {
        using var meter = new Meter("GateEdge");
        using var text = new PrometheusText(meter);
        var decision = meter.CreateHistogram<double>("gateedge_decision_seconds", unit: "s", description: "Decisions", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002] });

        decision.Record(0.0015);

        Assert.Equal("""
            # HELP gateedge_decision_seconds Decisions
            # TYPE gateedge_decision_seconds histogram
            gateedge_decision_seconds_bucket{le="0.001"} 0
            gateedge_decision_seconds_bucket{le="0.002"} 1
            gateedge_decision_seconds_bucket{le="+Inf"} 1
            gateedge_decision_seconds_sum 0.0015
            gateedge_decision_seconds_count 1

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text.Scrape());
    }
}
