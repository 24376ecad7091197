using System.Text;
using System.Text.Json;
using GateEdge.Commands;
using GateEdge.Trust;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// The centre of the system tests: one key pair for the test run, whose public half every test
/// gate trusts (<see cref="TestGate.WriteGatewayConfig"/>), and the signer the centre's own tool uses.
/// </summary>
internal static class TestCentre
{
    public const string KeyId = "test-centre";

    private static readonly (string PrivatePem, string PublicPem) Pair = CentreSigner.NewKeyPair();

    public static CentreSigner Signer { get; } = CentreSigner.FromPem(Pair.PrivatePem, KeyId);

    public static string PublicPem => Pair.PublicPem;

    public static string PrivatePem => Pair.PrivatePem;

    public static byte[] Sign(string body) => Signer.Sign(Encoding.UTF8.GetBytes(body));

    /// <summary>An <c>issuedAt</c> of now, for an update the gateway must take as current.</summary>
    public static string IssuedNow => DateTimeOffset.UtcNow.ToString("O");

    /// <summary>A command for the test gateway (<see cref="CommandSender.GatewayTopics"/>), issued now.</summary>
    public static CommandRequest Command(string command, string id, string? lane = null, string? config = null, string @operator = "王主任", string reason = "ambulance at the gate") =>
        new(CommandRequest.SchemaId, id, command, "c-7", "east", "gw-7", DateTimeOffset.UtcNow.ToString("O"),
            command == "republish" ? null : @operator, command == "republish" ? null : reason, lane, config);

    public static byte[] Sign(CommandRequest request) => Signer.Sign(JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest));

    public static Task PublishAsync(IMqttClient client, string topic, byte[] payload, bool retain = false) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
