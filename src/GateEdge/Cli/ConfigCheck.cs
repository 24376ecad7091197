using GateEdge.Common.Messages;
using GateEdge.Configuration;

namespace GateEdge.Cli;

/// <summary><c>gateedge config check [file]</c>: every problem of a configuration, or what it describes, in the technician's language.</summary>
internal static class ConfigCheck
{
    public static int Run(string path, TextWriter output, Language language = Language.English)
    {
        try
        {
            var config = ConfigFile.Load(path, forService: true, out var file);
            output.WriteLine(ConfigMessages.Ok.Say(("file", path)).In(language));
            output.WriteLine("  " + ConfigMessages.SummaryGateway.Say(("id", config.Gateway.Id), ("compound", config.Gateway.CompoundId), ("gate", config.Gateway.GateId)).In(language));
            foreach (var lane in config.Lanes)
            {
                output.WriteLine("  " + ConfigMessages.SummaryLane.Say(("lane", lane.Id), ("direction", lane.Direction), ("mode", lane.Mode),
                    ("readers", string.Join(", ", lane.CardReaders)), ("thermometer", lane.Thermometer)).In(language)
                    + (lane.MaskDetector is { } mask ? ConfigMessages.SummaryMask.Say(("device", mask)).In(language) : "")
                    + (lane.GuardKeypad is { } keypad ? ConfigMessages.SummaryKeypad.Say(("device", keypad)).In(language) : ""));
            }

            output.WriteLine("  " + ConfigMessages.SummaryBroker.Say(("host", config.Mqtt.Host), ("port", config.Mqtt.Port),
                ("tls", config.Mqtt.UseTls ? ConfigMessages.SummaryTls.Say() : ""), ("journal", config.Journal.Path)).In(language));
            foreach (var warning in ConfigWarnings.Of(config))
            {
                var said = file.Find(warning.Path) is { } at ? ConfigMessages.At.Say(("line", at.Line), ("column", at.Column), ("problem", warning.AsSaid())) : warning.AsSaid();
                output.WriteLine(ConfigMessages.Warning.Say(("warning", said)).In(language));
            }

            return 0;
        }
        catch (GatewayConfigurationException ex)
        {
            output.WriteLine(ex.In(language));
            return 2;
        }
    }
}
