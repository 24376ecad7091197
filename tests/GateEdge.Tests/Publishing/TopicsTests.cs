using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Configuration;
using GateEdge.Publishing;

namespace GateEdge.Tests.Publishing;

/// <summary>An inbound topic is a command or a list by its exact place, whatever the compound, gate and gateway are called.</summary>
public sealed class TopicsTests
{
    [Theory]
    [InlineData("c-7", "east", "gw-7", "gateedge/v1/c-7/east/gw-7/command/open", "command", "open")]
    [InlineData("c-7", "east", "gw-7", "gateedge/v1/c-7/lists/quarantine", "list", "quarantine")]
    // Ids that look like the layout's own words change nothing.
    [InlineData("lists", "east", "gw-7", "gateedge/v1/lists/east/gw-7/command/open", "command", "open")]
    [InlineData("lists", "east", "gw-7", "gateedge/v1/lists/lists/persons", "list", "persons")]
    [InlineData("c-7", "command", "lists", "gateedge/v1/c-7/command/lists/command/republish", "command", "republish")]
    public void A_topic_is_classified_by_its_exact_place(string compound, string gate, string id, string topic, string kind, string name)
    {
        var topics = new Topics("gateedge/v1", new GatewayOptions { CompoundId = compound, GateId = gate, Id = id });

        Assert.Equal((kind == "list" ? InboundKind.List : InboundKind.Command, name), topics.Inbound(topic));
    }

    [Theory]
    [InlineData("gateedge/v1/c-7/east/gw-7/command/")]
    [InlineData("gateedge/v1/c-7/east/gw-7/command/open/extra")]
    [InlineData("gateedge/v1/c-7/east/gw-8/command/open")]
    [InlineData("gateedge/v1/c-8/lists/quarantine")]
    [InlineData("gateedge/v1/c-7/lists/quarantine/x")]
    [InlineData("gateedge/v1/c-7/east/gw-7/lists/quarantine")]
    [InlineData("other/v1/c-7/lists/quarantine")]
    public void Anything_else_is_neither(string topic)
    {
        var topics = new Topics("gateedge/v1", new GatewayOptions { CompoundId = "c-7", GateId = "east", Id = "gw-7" });

        Assert.Null(topics.Inbound(topic));
    }
}
