using GateEdge.Common.Messages;
using GateEdge.Outputs.Gpio;

namespace GateEdge.Configuration;

/// <summary>The checks of what the gate shows and drives: its relays and lamps, and the status page.</summary>
internal static partial class ConfigurationValidator
{
    private static IEnumerable<ConfigProblem> StatusPage(Status.StatusPageOptions page)
    {
        if (!page.Enabled)
        {
            yield break;
        }

        if (!Languages.TryParse(page.Language, out _))
        {
            yield return Problem("StatusPage.Language", SettingMessages.NotPageLanguage, ("value", page.Language));
        }

        if (!Uri.TryCreate(page.Listen, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp || listen.Port <= 0)
        {
            yield return Problem("StatusPage.Listen", SettingMessages.NotListenAddress, ("value", page.Listen));
            yield break;
        }

        if (page.TokenFile is null && !Publishing.MqttConnectionOptions.IsLoopback(listen.Host))
        {
            yield return Problem("StatusPage.TokenFile", SettingMessages.PageNeedsToken, ("host", listen.Host));
        }

    }

    private static IEnumerable<ConfigProblem> GateOutputs(GatewayConfiguration c)
    {
        var o = c.Outputs;
        if (o.Driver is not (GpioOutputOptions.LogDriver or GpioOutputOptions.ChipDriver or GpioOutputOptions.SimulatedDriver))
        {
            yield return Problem("Outputs.Driver", SettingMessages.NotOutputDriver, ("value", o.Driver));
        }

        var lanes = c.Lanes.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var pins = new HashSet<int>();
        for (int i = 0; i < o.Lanes.Count; i++)
        {
            var lane = o.Lanes[i];
            string at = $"Outputs.Lanes[{i}]";
            if (!lanes.Contains(lane.Lane))
            {
                yield return Problem($"{at}.Lane", SettingMessages.NoLaneNamed, ("name", lane.Lane));
            }

            foreach (var (key, pin) in new[] { ("RelayPin", (int?)lane.RelayPin), ("GreenLampPin", lane.GreenLampPin), ("RedLampPin", lane.RedLampPin), ("BuzzerPin", lane.BuzzerPin) })
            {
                if (pin is < 0)
                {
                    yield return Problem($"{at}.{key}", SettingMessages.GpioLineRequired);
                }
                else if (pin is { } p && !pins.Add(p))
                {
                    yield return Problem($"{at}.{key}", SettingMessages.GpioLineTaken, ("line", p));
                }
            }
        }
    }
}
