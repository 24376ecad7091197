using System.Text.Json;
using GateEdge.Commands;
using MQTTnet;
using MQTTnet.Protocol;

namespace GateEdge.SystemTests.Support;

/// <summary>The centre's side of commands: a request published to a test gateway's <c>…/command/{name}</c>.</summary>
internal static class CommandSender
{
    public const string GatewayTopics = "gateedge/v1/c-7/east/gw-7";

    public static Task SendAsync(IMqttClient sender, string command, CommandRequest request) =>
        sender.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"{GatewayTopics}/command/{command}")
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(request, CommandJson.Default.CommandRequest))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
