using GateEdge.Trust;
using System.Text;
using System.Text.Json;
using GateEdge.Cli;
using GateEdge.Common.Messages;
using GateEdge.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateEdge.Tests.Cli;

public sealed class TechnicianVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-cli-").FullName;

    private string ConfigPath => Path.Combine(_dir, "gateedge.json");

    public TechnicianVerbTests() => File.WriteAllText(ConfigPath, """
        // comments are allowed
        {
          "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north" },
          "Mqtt": { "Host": "127.0.0.1" },
          "Devices": {
            "IdCardReaders": [ { "Name": "reader", "Port": "/dev/ttyUSB0" } ],
            "SerialIrThermometers": [ { "Name": "thermo", "Port": "/dev/ttyUSB1" } ],
            "MaskDetectors": [ { "Name": "mask", "Line": 12 } ]
          },
          "Outputs": { "Driver": "Simulated" },
          "Lanes": [ { "Id": "lane1", "Direction": "Out", "CardReaders": [ "reader" ], "Thermometer": "thermo", "MaskDetector": "mask" } ]
        }
        """);

    [Fact]
    public void Config_check_describes_a_good_configuration_and_exits_0()
    {
        var output = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(ConfigPath, output));
        Assert.Contains("lane lane1: Out, Unattended, readers reader, thermometer thermo, mask detector mask", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_warns_of_a_journal_that_is_no_database_which_the_gateway_will_set_aside()
    {
        var state = Path.Combine(_dir, "state");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "journal.db"), "what a worn SD card leaves behind");
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace("\"GateId\": \"north\" }", "\"GateId\": \"north\", \"StateDirectory\": \"state\" }", StringComparison.Ordinal));
        var output = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(ConfigPath, output));
        Assert.Contains($"Journal.Path: {state}/journal.db is not a journal (no SQLite database): at start the gateway keeps it aside", output.ToString(), StringComparison.Ordinal);

        File.Delete(Path.Combine(state, "journal.db"));
        var clean = new StringWriter();
        Assert.Equal(0, ConfigCheck.Run(ConfigPath, clean));
        Assert.DoesNotContain("Journal.Path", clean.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_warns_of_a_device_on_no_lane_and_kernel_numbered_ports_but_passes()
    {
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace(
            "\"IdCardReaders\": [ { \"Name\": \"reader\", \"Port\": \"/dev/ttyUSB0\" } ],",
            "\"IdCardReaders\": [ { \"Name\": \"reader\", \"Port\": \"/dev/ttyUSB0\" }, { \"Name\": \"spare\", \"Port\": \"/dev/serial/by-id/usb-spare\" } ],",
            StringComparison.Ordinal));
        var english = new StringWriter();
        var chinese = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(ConfigPath, english));
        Assert.Equal(0, ConfigCheck.Run(ConfigPath, chinese, Language.Chinese));

        var warnings = english.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("warning: line 6, column ", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("Devices.IdCardReaders[0].Port: /dev/ttyUSB0 may name another adapter after a reboot or a replug; use the adapter's /dev/serial/by-id/… name (`gateedge devices list` shows it)", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("Devices.IdCardReaders[1].Name: 'spare' is on no lane, so nothing it reads is decided; name it in a lane, or remove it", warnings[1], StringComparison.Ordinal);
        Assert.StartsWith("warning: line 7, column ", warnings[2], StringComparison.Ordinal);
        Assert.Contains("Devices.SerialIrThermometers[0].Port: /dev/ttyUSB1 may name another adapter", warnings[2], StringComparison.Ordinal);
        Assert.Contains("警告：第 6 行第 ", chinese.ToString(), StringComparison.Ordinal);
        Assert.Contains("Devices.IdCardReaders[1].Name: 'spare' 不属于任何通道", chinese.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Thermometer\": \"thermo\"", "\"Thermometer\": \"therm\"", "Lanes[0].Thermometer: rule R3 needs a thermometer; none is named 'therm' (known: thermo)")]
    [InlineData("\"Id\": \"gw-1\"", "\"Id\": \"gw-1\",", "line 3, column 29: a comma too many: remove this one")]
    [InlineData("\"Id\": \"gw-1\"", "\"Id\": \"gw-1\" \"Name\": 1,", "line 3, column 28: a comma is missing after this value: put ',' here, before what follows on line 3")]
    [InlineData("\"Direction\": \"Out\"", "\"Direction\": \"Exit\"", "Lanes[0].Direction: 'Exit' is not one of In, Out")]
    public void Config_check_names_each_mistake_and_exits_2(string from, string to, string expected)
    {
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace(from, to, StringComparison.Ordinal));
        var output = new StringWriter();

        Assert.Equal(2, ConfigCheck.Run(ConfigPath, output));
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outbox_status_on_a_journal_from_an_older_release_says_to_start_the_service_once()
    {
        var path = Path.Combine(_dir, "state", "journal.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE events (seq INTEGER PRIMARY KEY, payload BLOB, delivered INTEGER NOT NULL DEFAULT 0)";
            create.ExecuteNonQuery();
        }

        var problem = Assert.Throws<ToolProblem>(() => JournalReport.Status(ConfigPath, new StringWriter()));
        Assert.Contains("from an older GateEdge: start the service once", problem.Message, StringComparison.Ordinal);
        Assert.Contains("来自较早的 GateEdge 版本：请先启动一次服务", problem.Said.In(Language.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_status_and_events_tail_read_the_journal_the_configuration_names()
    {
        await using (var journal = new EventJournal(Path.Combine(_dir, "state", "journal.db"), 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.LoadOrCreate(Path.Combine(_dir, "state"))))
        {
            foreach (var outcome in new[] { "allow", "deny", "retest" })
            {
                await journal.Appender.AppendAsync("t", s => Encoding.UTF8.GetBytes(
                    $$"""{"schema":"gateedge.passage/2","seq":{{s.Seq}},"lane":"lane1","credential":{"masked":"110105********002X"},"outcome":"{{outcome}}","rules":["R3"]}"""));
            }

            journal.Outbox.MarkDelivered([1]);
        }

        var status = new StringWriter();
        var tail = new StringWriter();
        Assert.Equal(0, JournalReport.Status(ConfigPath, status));
        Assert.Equal(0, JournalReport.Tail(ConfigPath, 2, tail));

        Assert.Contains("last sequence     3", status.ToString(), StringComparison.Ordinal);
        Assert.Contains("not yet delivered 2", status.ToString(), StringComparison.Ordinal);
        var lines = tail.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("#2 waiting", lines[0], StringComparison.Ordinal);
        Assert.Contains("110105********002X", lines[1], StringComparison.Ordinal);
        Assert.Contains("→ retest R3", lines[1], StringComparison.Ordinal);

        var statusJson = new StringWriter();
        var tailJson = new StringWriter();
        Assert.Equal(0, JournalReport.Status(ConfigPath, statusJson, json: true));
        Assert.Equal(0, JournalReport.Tail(ConfigPath, 3, tailJson, json: true));

        var summary = JsonDocument.Parse(statusJson.ToString()).RootElement;
        Assert.Equal((3, 3, 2), (summary.GetProperty("lastSeq").GetInt64(), summary.GetProperty("kept").GetInt64(), summary.GetProperty("undelivered").GetInt64()));
        Assert.True(summary.GetProperty("oldestUndeliveredStoredAt").TryGetDateTimeOffset(out _));
        var events = tailJson.ToString().Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([(1L, true, "allow"), (2L, false, "deny"), (3L, false, "retest")],
            events.Select(e => (e.GetProperty("seq").GetInt64(), e.GetProperty("delivered").GetBoolean(), e.GetProperty("event").GetProperty("outcome").GetString()!)));
    }

    [Fact]
    public async Task The_read_only_verbs_speak_the_technicians_language_and_their_json_never_changes()
    {
        await using (var journal = new EventJournal(Path.Combine(_dir, "state", "journal.db"), 64, TimeProvider.System, NullLogger<EventJournal>.Instance, GatewayKey.LoadOrCreate(Path.Combine(_dir, "state"))))
        {
            await journal.Appender.AppendAsync("t", s => Encoding.UTF8.GetBytes($$"""{"schema":"gateedge.passage/4","seq":{{s.Seq}},"lane":"lane1","outcome":"allow"}"""));
            await journal.Appender.AppendAsync("t", _ => [0xFF, 0x00]);
        }

        string Said(Func<TextWriter, int> verb)
        {
            var output = new StringWriter();
            Assert.Equal(0, verb(output));
            return output.ToString();
        }

        var time = TimeProvider.System;
        string status = Said(o => JournalReport.Status(ConfigPath, o, language: Language.Chinese));
        string tail = Said(o => JournalReport.Tail(ConfigPath, 5, o, language: Language.Chinese));
        string lists = Said(o => ListReport.Status(ConfigPath, o, time, language: Language.Chinese));
        string identity = Said(o => IdentityReport.Show(ConfigPath, o, Language.Chinese));

        Assert.Contains("  最新序号      2", status, StringComparison.Ordinal);
        Assert.Contains("  尚未送达      2，最早一条存于 ", status, StringComparison.Ordinal);
        Assert.Contains("#1 待送达 ", tail, StringComparison.Ordinal);
        Assert.Contains(" 通道 lane1 ", tail, StringComparison.Ordinal);
        Assert.Contains("#2 待送达（2 字节，不是 JSON）", tail, StringComparison.Ordinal);
        Assert.Contains("版本 0", lists, StringComparison.Ordinal);
        Assert.Contains("初始名单文件，中心尚未下发", lists, StringComparison.Ordinal);
        Assert.Contains("请在中心登记为 gw-1.pub.pem：", identity, StringComparison.Ordinal);
        Assert.All(new[] { status, tail, lists, identity }, text => Assert.DoesNotMatch("(?i)\\b(journal|sequence|delivered|waiting|version|entries|registry|enrol)\\b(?!\\.db)", text));
        Assert.Equal(Said(o => JournalReport.Status(ConfigPath, o, json: true)), Said(o => JournalReport.Status(ConfigPath, o, json: true, language: Language.Chinese)));
        Assert.Equal(Said(o => JournalReport.Tail(ConfigPath, 5, o, json: true)), Said(o => JournalReport.Tail(ConfigPath, 5, o, json: true, language: Language.Chinese)));
        Assert.Equal(Said(o => ListReport.Status(ConfigPath, o, time, json: true)), Said(o => ListReport.Status(ConfigPath, o, time, json: true, language: Language.Chinese)));
    }

    [Fact]
    public void Lists_status_shows_what_the_rules_decide_on_and_flags_only_what_the_centre_sent_and_has_not_refreshed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        using (var store = new GateEdge.Registry.RegistryStore(Path.Combine(_dir, "state", "registry.db")))
        {
            var registry = new GateEdge.Registry.LiveRegistry(GateEdge.Registry.SeedFileRegistry.Load(null), store, time, "c-1");
            Assert.Null(registry.Apply("quarantine", """{"schema":"gateedge.list/2","id":"q1","compound":"c-1","list":"quarantine","issuedAt":"2026-11-28T08:00:00Z","mode":"snapshot","version":41,"upsert":[{"ref":"R-1","reason":"home quarantine"},{"ref":"R-2","reason":"close contact"}]}"""u8).Rejection);
        }

        // Fresh from the centre, with the other lists still the seed file's: nothing is stale, and the verb says so by its exit code.
        var fresh = new StringWriter();
        var later = new StringWriter();
        Assert.Equal(0, ListReport.Status(ConfigPath, fresh, time));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, ListReport.Status(ConfigPath, later, time));

        var quarantine = fresh.ToString().Split('\n').Single(l => l.Contains("quarantine ", StringComparison.Ordinal));
        // Shown in the box's own time zone, with its offset (08:00 UTC is 16:00 +08:00 in Beijing).
        var arrivedLocal = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero).ToLocalTime();
        Assert.EndsWith($"arrived {arrivedLocal:yyyy-MM-dd HH:mm:ss zzz}", quarantine.TrimEnd(), StringComparison.Ordinal);
        Assert.Matches(@"quarantine +version 41 +2 entries  arrived ", quarantine);
        Assert.Contains("persons     version 0", fresh.ToString(), StringComparison.Ordinal);
        Assert.Contains("seed file, nothing from the centre yet", fresh.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("STALE", fresh.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("STALE", later.ToString().Split('\n').Single(l => l.Contains("quarantine ", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);

        var json = new StringWriter();
        Assert.Equal(1, ListReport.Status(ConfigPath, json, time, json: true));
        Assert.DoesNotContain("STALE", later.ToString().Split('\n').Single(l => l.Contains("persons ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var lists = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal((41, 2, true), (lists["quarantine"].GetProperty("version").GetInt64(), lists["quarantine"].GetProperty("entries").GetInt32(), lists["quarantine"].GetProperty("stale").GetBoolean()));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), lists["quarantine"].GetProperty("arrivedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, lists["persons"].GetProperty("arrivedAt").ValueKind);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
