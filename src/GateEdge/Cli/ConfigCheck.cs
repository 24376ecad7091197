using GateEdge.Configuration;

namespace GateEdge.Cli;

/// <summary><c>gateedge config check [file]</c>: every problem of a configuration, or what it describes.</summary>
internal static class ConfigCheck
{
    public static int Run(string path, TextWriter output)
    {
        try
        {
            var config = ConfigFile.Load(path);
            output.WriteLine($"{path}: OK");
            output.WriteLine($"  gateway {config.Gateway.Id} at compound {config.Gateway.CompoundId}, gate {config.Gateway.GateId}");
            foreach (var lane in config.Lanes)
            {
                output.WriteLine($"  lane {lane.Id}: {lane.Direction}, {lane.Mode}, readers {string.Join(", ", lane.CardReaders)}, thermometer {lane.Thermometer}"
                    + (lane.MaskDetector is { } mask ? $", mask detector {mask}" : "")
                    + (lane.GuardKeypad is { } keypad ? $", guard keypad {keypad}" : ""));
            }

            output.WriteLine($"  broker {config.Mqtt.Host}:{config.Mqtt.Port}{(config.Mqtt.UseTls ? " (TLS)" : "")}, journal {config.Journal.Path}");
            return 0;
        }
        catch (GatewayConfigurationException ex)
        {
            output.WriteLine(ex.Message);
            return 2;
        }
    }
}
