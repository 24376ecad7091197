using GateEdge.Configuration;

namespace GateEdge.Tests.Configuration;

/// <summary>The pushed-configuration trial through every way a start can end, on real files.</summary>
public sealed class ConfigurationTrialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-trial-").FullName;

    private string ConfigPath => Path.Combine(_dir, "gateedge.json");

    public ConfigurationTrialTests() => File.WriteAllText(ConfigPath, "old");

    [Fact]
    public void A_push_that_reaches_the_broker_is_kept_and_the_previous_file_stays_for_the_technician()
    {
        Push("new");
        Assert.Equal(TrialStage.Pending, ConfigurationTrial.Read(ConfigPath)!.Stage);

        Assert.Equal(TrialStage.Starting, ConfigurationTrial.BeforeStart(ConfigPath)!.Stage);
        ConfigurationTrial.Finish(ConfigPath);

        Assert.Null(ConfigurationTrial.BeforeStart(ConfigPath));
        Assert.Equal(("new", "old"), (File.ReadAllText(ConfigPath), File.ReadAllText(ConfigurationTrial.PreviousPath(ConfigPath))));
    }

    [Fact]
    public void A_start_that_never_confirmed_rolls_back_on_the_next_start()
    {
        Push("new");
        ConfigurationTrial.BeforeStart(ConfigPath);

        var trial = ConfigurationTrial.BeforeStart(ConfigPath)!;

        Assert.Equal((TrialStage.RolledBack, "push-1"), (trial.Stage, trial.CommandId));
        Assert.StartsWith("rolled back to the previous configuration: the gateway stopped before it reached the broker", trial.Reason, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(ConfigPath));
        Assert.Equal(TrialStage.RolledBack, ConfigurationTrial.BeforeStart(ConfigPath)!.Stage);
    }

    [Fact]
    public void A_stop_before_the_new_file_was_in_place_reports_that_nothing_changed()
    {
        File.WriteAllText(ConfigurationTrial.StagedPath(ConfigPath), "new");
        ConfigurationTrial.Begin(ConfigPath, "push-1");
        File.WriteAllText(ConfigPath, "old");

        var trial = ConfigurationTrial.BeforeStart(ConfigPath)!;

        Assert.Equal(TrialStage.RolledBack, trial.Stage);
        Assert.EndsWith("nothing changed", trial.Reason, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void A_torn_trial_file_counts_as_a_start_that_did_not_confirm()
    {
        Push("new");
        File.WriteAllText(ConfigurationTrial.TrialPath(ConfigPath), "{\"commandId\":\"pu");

        Assert.Equal(TrialStage.RolledBack, ConfigurationTrial.BeforeStart(ConfigPath)!.Stage);
        Assert.Equal("old", File.ReadAllText(ConfigPath));
    }

    private void Push(string content)
    {
        File.WriteAllText(ConfigurationTrial.StagedPath(ConfigPath), content);
        ConfigurationTrial.Begin(ConfigPath, "push-1");
        Assert.False(File.Exists(ConfigurationTrial.StagedPath(ConfigPath)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
