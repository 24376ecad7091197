using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.Json;
using GateEdge.Common;
using GateEdge.Journal;

namespace GateEdge.Configuration;

/// <summary>
/// A pushed configuration on trial, kept in files beside the configuration so it survives a crash
/// or a power cut: <c>{config}.previous</c> is the configuration before the push and
/// <c>{config}.trial</c> records the push and where it stands. A push is written as
/// <see cref="TrialStage.Pending"/>; the next start marks it <see cref="TrialStage.Starting"/>;
/// reaching the broker confirms it. A start that finds it still <see cref="TrialStage.Starting"/>
/// (the gateway crashed, could not start, or never reached the broker) puts the previous file
/// back and marks the push <see cref="TrialStage.RolledBack"/>, to be reported to the centre.
/// </summary>
internal static class ConfigurationTrial
{
    public static string PreviousPath(string config) => config + ".previous";

    public static string TrialPath(string config) => config + ".trial";

    /// <summary>Where a pushed file is written and checked before it replaces the configuration: the same folder, so relative paths mean the same.</summary>
    public static string StagedPath(string config) => config + ".pushed";

    public static TrialRecord? Read(string config)
    {
        var path = TrialPath(config);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), TrialJson.Default.TrialRecord);
        }
        catch (JsonException)
        {
            // A torn write of the trial file (power cut mid-write) is treated as a start that did not confirm.
            return new TrialRecord(null, TrialStage.Starting, "", null);
        }
    }

    /// <summary>Makes the staged file the configuration, keeping the current one as the previous.</summary>
    public static void Begin(string config, string commandId)
    {
        var staged = StagedPath(config);
        DurableFile.Copy(config, PreviousPath(config));
        Write(config, new TrialRecord(commandId, TrialStage.Pending, Digest(File.ReadAllBytes(staged)), null));
        File.Move(staged, config, overwrite: true);
        DurableFile.FlushDirectoryOf(config);
    }

    /// <summary>Called before every start: moves a push forward a stage, or rolls it back when the last start did not confirm it.</summary>
    public static TrialRecord? BeforeStart(string config)
    {
        var trial = Read(config);
        switch (trial?.Stage)
        {
            case TrialStage.Pending when trial.Digest != Digest(File.ReadAllBytes(config)):
                // Stopped between recording the push and putting the file in place: the old file still runs.
                return Write(config, trial with { Stage = TrialStage.RolledBack, Reason = "the gateway restarted before the new configuration was in place; nothing changed" });
            case TrialStage.Pending:
                return Write(config, trial with { Stage = TrialStage.Starting });
            case TrialStage.Starting:
                return RollBack(config, trial, "the gateway stopped before it reached the broker with the new configuration");
            default:
                return trial;
        }
    }

    /// <summary>Puts the previous configuration back and records why, for the result sent to the centre.</summary>
    public static TrialRecord RollBack(string config, TrialRecord trial, string reason)
    {
        DurableFile.Copy(PreviousPath(config), config);
        return Write(config, trial with { Stage = TrialStage.RolledBack, Reason = "rolled back to the previous configuration: " + reason });
    }

    /// <summary>The push is settled (confirmed, or its roll-back reported): the previous file stays for the technician.</summary>
    public static void Finish(string config)
    {
        DurableFile.Delete(TrialPath(config));
    }

    private static TrialRecord Write(string config, TrialRecord trial)
    {
        DurableFile.Replace(TrialPath(config), JsonSerializer.SerializeToUtf8Bytes(trial, TrialJson.Default.TrialRecord));
        return trial;
    }

    private static string Digest(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

internal enum TrialStage
{
    Pending,
    Starting,
    RolledBack,
}

/// <param name="CommandId">The push's command id, for the result; null when the trial file was unreadable.</param>
/// <param name="Digest">SHA-256 of the pushed file, to tell whether it was put in place.</param>
internal sealed record TrialRecord(string? CommandId, TrialStage Stage, string Digest, string? Reason);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TrialRecord))]
internal sealed partial class TrialJson : JsonSerializerContext;
