using GateEdge.Commands;
using GateEdge.Common;
using GateEdge.Devices;
using GateEdge.Journal;
using GateEdge.Lanes;
using GateEdge.Publishing;
using GateEdge.Registry;
using GateEdge.Rules;

namespace GateEdge.Configuration;

/// <summary>The whole configuration of one gateway, one class per concern.</summary>
internal sealed class GatewayConfiguration
{
    public GatewayOptions Gateway { get; set; } = new();

    public DevicesOptions Devices { get; set; } = new();

    public List<LaneOptions> Lanes { get; set; } = [];

    public RulePolicy Rules { get; set; } = new();

    public RegistryOptions Registry { get; set; } = new();

    public MqttOptions Mqtt { get; set; } = new();

    public JournalOptions Journal { get; set; } = new();

    public CommandOptions Commands { get; set; } = new();

    public Privacy.PrivacyOptions Privacy { get; set; } = new();

    public Outputs.Gpio.GpioOutputOptions Outputs { get; set; } = new();

    public Status.StatusPageOptions StatusPage { get; set; } = new();

    public Prompts.PromptsOptions Prompts { get; set; } = new();
}
