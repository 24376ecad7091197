using System.Text.Json;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>The schema check used on real payloads does reject what breaks the contract.</summary>
public sealed class PublishedSchemaTests
{
    private const string Status = """{ "schema": "gateedge.status/1", "gateway": "gw-7", "state": "online", "time": "2026-11-28T08:00:00+00:00" }""";

    [Fact]
    public void A_conforming_payload_passes() => Assert.Empty(PublishedSchemas.Check(Parse(Status)));

    [Theory]
    [InlineData("\"state\": \"online\"", "\"state\": \"sleeping\"")]
    [InlineData("\"gateway\": \"gw-7\", ", "")]
    [InlineData("\"time\": \"2026-11-28T08:00:00+00:00\"", "\"time\": \"yesterday\"")]
    [InlineData("\"schema\": \"gateedge.status/1\"", "\"schema\": \"other\"")]
    public void A_payload_that_breaks_the_contract_is_reported(string from, string to) =>
        Assert.NotEmpty(PublishedSchemas.Check(Parse(Status.Replace(from, to, StringComparison.Ordinal))));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
