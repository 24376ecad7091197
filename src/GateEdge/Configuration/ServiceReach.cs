using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// Run as root, the files and folders the service uses, asked as the service's user
/// (<see cref="FileReach"/>): a root-only registry or key, or a root-owned state folder, passes a
/// check run with sudo and stops the service. Nothing is asked when the check does not run as root.
/// </summary>
internal static class ServiceReach
{
    public static IEnumerable<ConfigProblem> Check(GatewayConfiguration c)
    {
        var files = new List<(string Path, string? File)>
        {
            ("Registry.SeedFile", c.Registry.SeedFile),
            ("Mqtt.CaFile", c.Mqtt.CaFile),
            ("Mqtt.ClientCertificateFile", c.Mqtt.ClientCertificateFile),
            ("Mqtt.ClientKeyFile", c.Mqtt.ClientKeyFile),
            ("Mqtt.PasswordFile", c.Mqtt.PasswordFile),
            ("Privacy.IdentitySealingKeyFile", c.Privacy.IdentitySealingKeyFile),
            ("StatusPage.TokenFile", c.StatusPage.TokenFile),
            ("StatusPage.DisplayTokenFile", c.StatusPage.DisplayTokenFile),
        };
        files.AddRange(c.Commands.CentreKeys.Select((k, i) => ($"Commands.CentreKeys[{i}].PublicKeyFile", (string?)k.PublicKeyFile)));
        files.AddRange(c.Devices.OsdpReaders.Select((r, i) => ($"Devices.OsdpReaders[{i}].KeyFile", r.KeyFile)));
        foreach (var (path, file) in files)
        {
            if (!string.IsNullOrWhiteSpace(file) && File.Exists(file) && FileReach.UnreadableByService(file) is { } unreadable)
            {
                yield return new ConfigProblem(path, unreadable);
            }
        }

        foreach (var (path, folder) in new[] { ("Gateway.StateDirectory", c.Gateway.StateDirectory), ("Journal.Path", Path.GetDirectoryName(c.Journal.Path)!) }.DistinctBy(f => f.Item2))
        {
            if (FileReach.UnwritableByService(folder) is { } unwritable)
            {
                yield return new ConfigProblem(path, unwritable);
            }
        }
    }
}
