using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Registry;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge lists status</c>: the persons and lists this gateway decides on, as the service
/// loads them (stored updates from the centre, else the seed file): version, when it arrived,
/// how many entries, and whether it is stale. Safe while the service runs.
/// </summary>
internal static class ListReport
{
    public static int Status(string configPath, TextWriter output, TimeProvider time, bool json = false, Language language = Language.English)
    {
        var config = ConfigFile.Load(configPath, forService: false);
        var path = Path.Combine(config.Gateway.StateDirectory, "registry.db");
        using var store = new RegistryStore(path);
        var registry = new LiveRegistry(SeedFileRegistry.Load(config.Registry.SeedFile), store, time, config.Gateway.CompoundId);
        var now = time.GetUtcNow();
        // Only what the centre sent can go stale: a list still from the seed file was never meant to be refreshed by this box.
        var stale = registry.Stale(now).Where(name => registry.Versions[name].Version > 0).ToList();
        var lists = registry.Versions.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => (Name: v.Key, v.Value.Version, v.Value.AppliedAt, Entries: v.Key == LiveRegistry.PersonsName ? registry.PersonCount : registry.Lists[v.Key].Entries.Count))
            .ToArray();
        if (json)
        {
            JsonOutput.WriteLine(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("registry", path);
                w.WriteStartArray("lists");
                foreach (var (name, version, appliedAt, entries) in lists)
                {
                    w.WriteStartObject();
                    w.WriteString("name", name);
                    w.WriteNumber("version", version);
                    w.WriteNumber("entries", entries);
                    if (version == 0)
                    {
                        w.WriteNull("arrivedAt");
                    }
                    else
                    {
                        w.WriteString("arrivedAt", appliedAt);
                    }

                    w.WriteBoolean("stale", stale.Contains(name));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return stale.Count > 0 ? 1 : 0;
        }

        output.WriteLine(ReportMessages.Registry.Say(("path", path)).In(language));
        foreach (var (name, version, appliedAt, entries) in lists)
        {
            var arrived = version == 0 ? ReportMessages.FromSeed.Say() : ReportMessages.Arrived.Say(("time", LocalTime.Format(appliedAt)));
            output.WriteLine(ReportMessages.ListLine.Say(("name", name.PadRight(11)), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(6)),
                ("entries", entries.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(7)), ("arrived", arrived)).In(language)
                + (stale.Contains(name) ? ReportMessages.StaleMark.Say().In(language) : ""));
        }

        if (stale.Count > 0)
        {
            output.WriteLine(ReportMessages.Stale.Say().In(language));
        }

        return stale.Count > 0 ? 1 : 0;
    }
}
