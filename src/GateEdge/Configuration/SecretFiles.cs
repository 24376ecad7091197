using GateEdge.Common.Messages;
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

    /// <summary>The least a token must be worth by <see cref="GuessingBits"/>: 64, where <c>openssl rand -hex 16</c> gives 128.</summary>
    public const double MinTokenBits = 64;

    /// <summary>
    /// A rough upper bound of what guessing a token costs: its length times the bits of the set of
    /// characters it draws from. Sixteen <c>a</c>s are worth nothing, <c>abab…</c> little.
    /// </summary>
    public static double GuessingBits(string token) => token.Length * Math.Log2(Math.Max(1, token.Distinct().Count()));

    public static IEnumerable<ConfigProblem> Check(GatewayConfiguration c)
    {
        var (keys, problems) = CentreKeys.Load(c.Commands.CentreKeys);
        keys.Dispose();
        foreach (var problem in problems)
        {
            yield return ConfigProblem.FromEnglish(problem);
        }

        for (int i = 0; i < c.Commands.CentreKeys.Count; i++)
        {
            if (WritableByOthers(c.Commands.CentreKeys[i].PublicKeyFile) is { } mode)
            {
                yield return new ConfigProblem($"Commands.CentreKeys[{i}].PublicKeyFile", BoxMessages.KeyWritableByOthers.Say(("mode", mode)));
            }
        }

        for (int i = 0; i < c.Devices.OsdpReaders.Count; i++)
        {
            var reader = c.Devices.OsdpReaders[i];
            if (reader.KeyFile is { } keyFile && Devices.CardReaders.Osdp.OsdpReaderKeyFile.Problem(keyFile, reader.InstallMode) is { } problem)
            {
                yield return new ConfigProblem($"Devices.OsdpReaders[{i}].KeyFile", Said.Text(problem));
            }
        }

        if (c.Privacy.IdentitySealingKeyFile is { } sealing)
        {
            var (_, problem) = Privacy.IdentitySealer.Load(sealing);
            if (problem is not null)
            {
                yield return new ConfigProblem("Privacy.IdentitySealingKeyFile", Said.Text(problem));
            }
        }

        foreach (var (key, file) in new[] { ("Mqtt.PasswordFile", c.Mqtt.PasswordFile), ("Mqtt.ClientKeyFile", c.Mqtt.ClientKeyFile), ("StatusPage.TokenFile", c.StatusPage.TokenFile),
            ("StatusPage.DisplayTokenFile", c.StatusPage.DisplayTokenFile) })
        {
            if (file is not null && File.Exists(file) && ReadableByOthers(file) is { } mode)
            {
                yield return new ConfigProblem(key, BoxMessages.ReadableByAll.Say(("file", file), ("mode", mode)));
            }
        }

        if (!c.StatusPage.Enabled)
        {
            yield break;
        }

        var tokens = new[] { ("StatusPage.TokenFile", c.StatusPage.TokenFile), ("StatusPage.DisplayTokenFile", c.StatusPage.DisplayTokenFile) }
            .Where(t => t.Item2 is not null).Select(t => (Key: t.Item1, File: t.Item2!)).ToArray();
        foreach (var (key, tokenFile) in tokens)
        {
            if (FileReach.Missing(tokenFile) is { } missing)
            {
                yield return new ConfigProblem(key, missing);
            }
            else if (File.ReadAllText(tokenFile).Trim() is var token && token.Length < MinTokenLength)
            {
                yield return new ConfigProblem(key, BoxMessages.TokenShort.Say(("file", tokenFile), ("min", MinTokenLength)));
            }
            else if (GuessingBits(token) < MinTokenBits)
            {
                yield return new ConfigProblem(key, BoxMessages.TokenWeak.Say(("file", tokenFile)));
            }
        }

        if (tokens.Length == 2 && tokens.All(t => File.Exists(t.File)) && File.ReadAllText(tokens[0].File).Trim() == File.ReadAllText(tokens[1].File).Trim())
        {
            yield return new ConfigProblem("StatusPage.DisplayTokenFile", BoxMessages.DisplayTokenSame.Say());
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
