using System.Security.Cryptography;
using System.Text.Json;
using GateEdge.Evidence.Verify;
using GateEdge.Trust;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge centre verify</c>: checks what the centre received (one JSON object a line with
/// <c>topic</c> and <c>payload</c>, as <c>mosquitto_sub -F %j</c> prints) against the gateways'
/// enrolled public keys (<c>{gateway}.pub.pem</c> in a folder). Exit 0 when the record is whole and
/// unaltered, 1 when anything is missing, altered or forged, 2 when the input cannot be read.
/// </summary>
internal static class RecordCheck
{
    public static int Run(string input, string keysFolder, TextWriter output, bool json)
    {
        var (keys, keyProblem) = EnrolledKeys.Load(keysFolder);
        if (keys is null)
        {
            output.WriteLine(keyProblem);
            return 2;
        }

        var verifier = new RecordVerifier(keys);
        int lineNumber = 0;
        using (var reader = input == "-" ? new StreamReader(Console.OpenStandardInput()) : OpenOrNull(input))
        {
            if (reader is null)
            {
                output.WriteLine($"{input}: no such file (give a file of received messages, one JSON object a line, or - for standard input)");
                return 2;
            }

            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                if (Message(line) is not { } message)
                {
                    output.WriteLine($"{input}:{lineNumber}: not a received message: one JSON object with \"topic\" and \"payload\" (a string) is expected, as mosquitto_sub -F %j prints");
                    return 2;
                }

                verifier.Add(message);
            }
        }

        return Report(verifier.Finish(), output, json);
    }

    /// <summary>Prints the report (a table, or JSON) and gives the exit code: 0 whole and unaltered, 1 not.</summary>
    public static int Report(VerifyReport report, TextWriter output, bool json)
    {
        if (json)
        {
            JsonOutput.WriteLine(output, w => Write(w, report));
        }
        else
        {
            Print(report, output);
        }

        return report.Clean ? 0 : 1;
    }

    private static StreamReader? OpenOrNull(string path) => File.Exists(path) ? new StreamReader(path) : null;

    private static ReceivedMessage? Message(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.String
                && root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.String
                ? new ReceivedMessage(topic.GetString()!, System.Text.Encoding.UTF8.GetBytes(payload.GetString()!))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Print(VerifyReport report, TextWriter output)
    {
        output.WriteLine($"{report.Messages} messages from {report.Gateways.Count} gateways");
        foreach (var g in report.Gateways)
        {
            output.WriteLine($"{g.Gateway}: events {g.FirstSeq}-{g.LastSeq} ({g.Events} held, {g.HarmlessRepeats} harmless repeats, {g.Checkpoints} checkpoints)");
        }

        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  {(finding.Integrity ? "FAIL" : "note")} {finding}");
        }

        output.WriteLine(report.Clean ? "the record verifies: every event signed and chained, nothing missing" : "the record does NOT verify (see FAIL lines)");
    }

    private static void Write(Utf8JsonWriter w, VerifyReport report)
    {
        w.WriteStartObject();
        w.WriteBoolean("clean", report.Clean);
        w.WriteNumber("messages", report.Messages);
        w.WriteStartArray("gateways");
        foreach (var g in report.Gateways)
        {
            w.WriteStartObject();
            w.WriteString("gateway", g.Gateway);
            w.WriteNumber("firstSeq", g.FirstSeq);
            w.WriteNumber("lastSeq", g.LastSeq);
            w.WriteNumber("events", g.Events);
            w.WriteNumber("harmlessRepeats", g.HarmlessRepeats);
            w.WriteNumber("checkpoints", g.Checkpoints);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("gateway", f.Gateway);
            w.WriteString("kind", f.Kind);
            if (f.Seq is { } seq)
            {
                w.WriteNumber("seq", seq);
            }
            else
            {
                w.WriteNull("seq");
            }

            w.WriteBoolean("integrity", f.Integrity);
            w.WriteString("detail", f.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
