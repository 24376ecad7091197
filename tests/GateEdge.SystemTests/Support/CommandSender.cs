using GateEdge.Commands;
using MQTTnet;

namespace GateEdge.SystemTests.Support;

/// <summary>The centre's side of commands: a request signed by the test centre, published to a test gateway's <c>…/command/{name}</c>.</summary>
internal static class CommandSender
{
    public const string GatewayTopics = "gateedge/v1/c-7/east/gw-7";

    public static Task SendAsync(IMqttClient sender, string command, CommandRequest request) =>
        TestCentre.PublishAsync(sender, $"{GatewayTopics}/command/{command}", TestCentre.Sign(request));
}
