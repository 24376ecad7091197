using System.Text;
using System.Text.Json;
using GateEdge.Events;

namespace GateEdge.Benchmarks.Load;

/// <summary>A passage event as the gateway journals it (about 700 bytes), for the backlog and the raw baseline.</summary>
internal static class SamplePassage
{
    public const string Topic = "gateedge/v1/c-load/north/gw-load/event/passage";

    public static byte[] Payload(Guid id, long seq) => JsonSerializer.SerializeToUtf8Bytes(new PassageEvent(
        PassageEvent.SchemaId, id.ToString(), seq, Evidence.EventChain.Genesis, DateTimeOffset.UtcNow,
        new Common.Clock.ClockReading(true, "5b0e6c0a-2f7d-4a51-8c1e-9d3f6a2b7e40", 86412.337), "c-load", "north", "gw-load", "lane1", "in", "unattended",
        new PassageEvent.CredentialPart("national-id", "110105********002X", new string('a', 64), "lane1-idcard", DateTimeOffset.UtcNow),
        new PassageEvent.PersonPart("R-0001", "resident", "张*"),
        new PassageEvent.TemperaturePart("normal", 36.6m, 36.6m, 25.0m, "lane1-thermometer", DateTimeOffset.UtcNow),
        new PassageEvent.MaskPart("not-checked", null), "allow", ["R1", "R3"], ["registered resident", "36.6 °C is below 37.3 °C"], ["registered", "temperature-normal"], [], null,
        new Dictionary<string, string> { ["lane1-idcard"] = "online", ["lane1-thermometer"] = "online" }), EventJson.Default.PassageEvent);

    public static int Size => Payload(Guid.Empty, 1).Length;
}
