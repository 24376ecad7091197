using System.Text.Json;
using GateEdge.Commands;
using GateEdge.Trust;

namespace GateEdge.Centre.Ingest;

/// <summary>
/// What the ingest asks of a gateway, signed with the centre's key like any command (docs/mqtt.md,
/// "Commands"): send a missing range again, or take note that a checkpoint is held at the centre.
/// </summary>
internal sealed class CentreRequests(CentreSigner signer, string root, TimeProvider clock)
{
    public (string Topic, byte[] Payload) Republish(GatewayPlace place, long fromSeq, long toSeq) =>
        Compose(place, "republish", r => r with { FromSeq = fromSeq, ToSeq = toSeq });

    public (string Topic, byte[] Payload) AcknowledgeCheckpoint(GatewayPlace place, long size, string head) =>
        Compose(place, "checkpoint-ack", r => r with { Size = size, Head = head });

    private (string Topic, byte[] Payload) Compose(GatewayPlace place, string command, Func<CommandRequest, CommandRequest> fields)
    {
        var request = fields(new CommandRequest(CommandRequest.SchemaId, $"ingest-{Guid.CreateVersion7():N}", command, place.Compound, place.Gate, place.Gateway,
            clock.GetUtcNow().ToString("O")));
        return ($"{root}/{place.Compound}/{place.Gate}/{place.Gateway}/command/{command}",
            signer.Sign(JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest)));
    }
}
