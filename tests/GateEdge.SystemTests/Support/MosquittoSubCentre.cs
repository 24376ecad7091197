using System.Text.RegularExpressions;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// A central consumer for bulk traffic: mosquitto's own C client at QoS 1, printing one payload
/// per line. Used where an MQTTnet subscriber on a starved 2-core machine falls into a trickle
/// (hundreds of messages a second) that says nothing about the gateway.
/// </summary>
internal sealed partial class MosquittoSubCentre : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private MosquittoSubCentre(ChildProcess process) => _process = process;

    public static async Task<MosquittoSubCentre> StartAsync(int port, string topic)
    {
        // stdbuf: line-buffered output, or payloads would sit in a 4 KiB stdio buffer.
        var process = ChildProcess.Start("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-q", "1", "-t", topic, "-F", "%p", "-d");
        var centre = new MosquittoSubCentre(process);
        try
        {
            // -d prints the protocol exchange; the SUBACK line says the subscription is in place.
            await Eventually.True(() => process.Lines.Any(l => l.Contains("SUBACK", StringComparison.Ordinal)),
                () => $"mosquitto_sub to subscribe; it printed:\n{process.Output}", TimeSpan.FromSeconds(10));
            return centre;
        }
        catch
        {
            await centre.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every event body received, in arrival order, repeats included (each comes after its signature line, docs/mqtt.md).</summary>
    public IEnumerable<string> Payloads => _process.Lines.Where(l => l.StartsWith('{') && !IsHeader(l));

    /// <summary>The signature line of every message received, in arrival order.</summary>
    public IEnumerable<GateEdge.Evidence.GatewayMessage.Header> Headers => _process.Lines.Where(IsHeader)
        .Select(l => GateEdge.Evidence.GatewayMessage.Split(System.Text.Encoding.UTF8.GetBytes(l + "\n")).Header);

    /// <summary>Bodies received so far; cheap to poll.</summary>
    public int Count => _process.Lines.Count(l => l.StartsWith('{') && !IsHeader(l));

    private static bool IsHeader(string line) => line.StartsWith("{\"kid\":", StringComparison.Ordinal);

    public static long Seq(string payload) =>
        long.Parse(SeqField().Match(payload).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex("\"seq\":(\\d+)")]
    private static partial Regex SeqField();
}
