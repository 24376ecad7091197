using GateEdge.Trust;

namespace GateEdge.Configuration;

/// <summary>
/// The files that hold secrets or keys, checked before a gate runs on them: a secret readable by
/// every user of the box, a token too short to resist guessing, or a key that is not the centre's
/// public P-256 key is refused, with what to do.
/// </summary>
internal static class SecretFiles
{
    /// <summary>Shortest status page token accepted: 16 characters, e.g. <c>openssl rand -hex 16</c> gives 32.</summary>
    public const int MinTokenLength = 16;

    public static IEnumerable<string> Check(GatewayConfiguration c)
    {
        var (keys, problems) = CentreKeys.Load(c.Commands.CentreKeys);
        keys.Dispose();
        foreach (var problem in problems)
        {
            yield return problem;
        }

        for (int i = 0; i < c.Commands.CentreKeys.Count; i++)
        {
            if (WritableByOthers(c.Commands.CentreKeys[i].PublicKeyFile) is { } mode)
            {
                yield return $"Commands.CentreKeys[{i}].PublicKeyFile: other users of this box may replace it (mode {mode}); chmod 644 it, owned by root";
            }
        }

        if (c.Privacy.IdentitySealingKeyFile is { } sealing)
        {
            var (_, problem) = Privacy.IdentitySealer.Load(sealing);
            if (problem is not null)
            {
                yield return $"Privacy.IdentitySealingKeyFile: {problem}";
            }
        }

        foreach (var (key, file) in new[] { ("Mqtt.PasswordFile", c.Mqtt.PasswordFile), ("Mqtt.ClientKeyFile", c.Mqtt.ClientKeyFile), ("StatusPage.TokenFile", c.StatusPage.TokenFile) })
        {
            if (file is not null && File.Exists(file) && ReadableByOthers(file) is { } mode)
            {
                yield return $"{key}: {file} is readable by every user of this box (mode {mode}); chmod 600 it (or 640 with the service's group)";
            }
        }

        if (c.StatusPage.Enabled && c.StatusPage.TokenFile is { } tokenFile)
        {
            if (!File.Exists(tokenFile))
            {
                yield return $"StatusPage.TokenFile: {tokenFile} does not exist";
            }
            else if (File.ReadAllText(tokenFile).Trim().Length < MinTokenLength)
            {
                yield return $"StatusPage.TokenFile: the token in {tokenFile} is empty or shorter than {MinTokenLength} characters; make one with: openssl rand -hex 16 > {tokenFile}";
            }
        }
    }

    private static string? ReadableByOthers(string file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.OtherRead) != 0 ? Octal(File.GetUnixFileMode(file)) : null;

    private static string? WritableByOthers(string file) =>
        !OperatingSystem.IsWindows() && File.Exists(file) && (File.GetUnixFileMode(file) & (UnixFileMode.OtherWrite | UnixFileMode.GroupWrite)) != 0
            ? Octal(File.GetUnixFileMode(file))
            : null;

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
