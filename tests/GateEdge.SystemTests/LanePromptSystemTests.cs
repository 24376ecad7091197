using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// A person's visit told to them at the lane: a fever, the rest, the retest, spoken by the
/// simulated SYN6288 module in order with its GB2312 frames and shown on the lane page in headless
/// Chromium, which reconnects by itself after the gateway restarts. An unplugged module changes
/// neither the decisions nor their pace.
/// </summary>
public sealed partial class LanePromptSystemTests : GateTest
{
    private const string StatusToken = "technician-token-0042";
    private const string DisplayToken = "lane-display-token-0077";
    private const string PassGb2312 = "FD001301" + "00CCE5CEC2D5FDB3A3A3ACC7EBCDA8D0D0B4";

    // Fever, back before the 5 s rest is over, then the retest after it: each visit measures 0.6 s, then leaves 0.4 s.
    private static readonly (int, decimal, string)[] FeverRestRetest = [(0, 38.1m, "00:00:00.2"), (0, 38.1m, "00:00:00.3"), (0, 36.6m, "00:00:04.5")];

    private const string Rules = """{ "RetestRest": "00:00:05", "DuplicateWindow": "00:00:00", "MaskRequired": false }""";

    [Fact]
    public async Task A_fever_rest_and_retest_is_spoken_in_order_and_shown_live_on_the_lane_page()
    {
        int port = Loopback.FreePort();
        WriteToken("status.token", StatusToken);
        WriteToken("display.token", DisplayToken);
        Gate.WriteGatewayConfig(rules: Rules, voice: true,
            statusPage: $$"""{ "Listen": "http://127.0.0.1:{{port}}", "TokenFile": "status.token", "DisplayTokenFile": "display.token" }""");
        Gate.WriteScript(FeverRestRetest, voice: true);
        var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Status page on", TimeSpan.FromSeconds(30));

        // The monitor on the box: Chromium on loopback needs no token for the lane page.
        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/lane/lane1");
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('text')?.textContent") == "请刷卡或身份证", "the lane page asking for a card", TimeSpan.FromSeconds(15));
        Assert.Equal("zh-CN", await browser.EvaluateAsync("document.documentElement.lang"));

        // Beside the page, the same event stream read by the test: every prompt, in order.
        using var events = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
        using var watching = new CancellationTokenSource();
        var shown = new List<string>();
        var watcher = ReadPromptsAsync(events, shown, watching.Token);
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('lane').dataset.prompt") == "pass", "the pass on the page", TimeSpan.FromSeconds(10));
        await watching.CancelAsync();
        await watcher;

        Assert.Equal("体温正常，请通行", await browser.EvaluateAsync("document.getElementById('text').textContent"));
        await StatusPageLanguage.AssertChineseAsync(browser, "lane-zh-CN");
        Assert.Equal("36.6 °C", await browser.EvaluateAsync("document.getElementById('temperature').textContent"));
        Assert.Equal("go", await browser.EvaluateAsync("document.getElementById('lane').dataset.tone"));
        Assert.Equal("", await browser.EvaluateAsync("document.getElementById('name').textContent"));
        Assert.Equal(["ready", "measuring", "fever-rest", "measuring", "rest-more", "measuring", "pass"], shown);

        var said = Said(simulator).Where(s => s.Text != "正在测温，请刷卡").ToArray();
        Assert.Equal(3, said.Length);
        Assert.Equal("体温偏高，请休息 5 秒后复测", said[0].Text);
        Assert.Matches(@"^请再休息 [1-5] 秒后复测$", said[1].Text);
        Assert.Equal(("体温正常，请通行", PassGb2312), (said[2].Text, said[2].Frame));

        // The tablet's token opens the lane pages and nothing else.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DisplayToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/metrics")).StatusCode);
        using var login = await http.PostAsync("/login", new FormUrlEncodedContent([new("token", DisplayToken)]));
        Assert.Equal(("/lane/", true), (login.Headers.Location?.OriginalString, login.Headers.GetValues("Set-Cookie").Single().StartsWith("gateedge-display=", StringComparison.Ordinal)));

        // The gateway restarts: the page notices, reconnects by itself and shows the lane again.
        string serial = await browser.EvaluateAsync("document.getElementById('lane').dataset.serial");
        Assert.Equal(0, await gateway.StopAsync(TimeSpan.FromSeconds(15)));
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('lane').dataset.connected") == "false", "the page sees the gateway gone", TimeSpan.FromSeconds(10));
        await using var restarted = Gate.StartGateway();
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('lane').dataset.connected") == "true", "the page back on the restarted gateway", TimeSpan.FromSeconds(30));
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('lane').dataset.serial") != serial, "the restarted gateway's prompt shown", TimeSpan.FromSeconds(10));
        Assert.Equal("ready", await browser.EvaluateAsync("document.getElementById('lane').dataset.prompt"));
    }

    [Fact]
    public async Task A_lane_in_English_shows_its_page_in_English_with_every_character_drawn()
    {
        int port = Loopback.FreePort();
        Gate.WriteGatewayConfig(statusPage: $$"""{ "Listen": "http://127.0.0.1:{{port}}" }""", more: "\"Prompts\": { \"Language\": \"en\" }");
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Status page on", TimeSpan.FromSeconds(30));

        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/lane/lane1");
        await Eventually.True(async () => await browser.EvaluateAsync("document.getElementById('text')?.textContent") == "Please present your card", "the lane page asking for a card", TimeSpan.FromSeconds(15));
        Assert.Equal("en", await browser.EvaluateAsync("document.documentElement.lang"));
        await StatusPageLanguage.AssertEnglishAsync(browser, "lane-en");
    }

    [Fact]
    public async Task An_unplugged_voice_module_changes_neither_the_decisions_nor_their_pace()
    {
        await using var centre = await CentreSubscriber.ConnectAsync(Broker.Port);
        Gate.WriteGatewayConfig(rules: Rules, voice: true);
        Gate.WriteScript(FeverRestRetest, voice: true, faults: """{ "device": "lane1-voice", "fault": "unplug", "at": "00:00:00", "for": "00:01:00" }""");
        await using var gateway = Gate.StartGateway();
        await using var simulator = Gate.StartSimulator();
        await simulator.WaitForLineAsync("36.6 °C, card read", TimeSpan.FromSeconds(60));
        await Eventually.True(() => centre.Passages.Count() >= 3, "three passages", TimeSpan.FromSeconds(15));

        var passages = centre.Passages.ToArray();
        Assert.Equal(["retest", "retest", "allow"], passages.Select(p => p.GetProperty("outcome").GetString()));
        Assert.Equal(["fever-retest", "rest-before-retest", "registered,temperature-normal"],
            passages.Select(p => string.Join(",", p.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()))));
        Assert.All(passages, p => Assert.Equal("offline", p.GetProperty("devices").GetProperty("lane1-voice").GetString()));
        // Each decision follows the read that completed it as promptly as ever: no wait on the module (its reply timeout is 500 ms).
        Assert.All(passages, p => Assert.InRange(DecisionDelay(p), TimeSpan.Zero, TimeSpan.FromMilliseconds(400)));
        Assert.Empty(Said(simulator));
    }

    private static TimeSpan DecisionDelay(JsonElement passage)
    {
        var decided = passage.GetProperty("time").GetDateTimeOffset();
        var card = passage.GetProperty("credential").GetProperty("readAt").GetDateTimeOffset();
        var reading = passage.GetProperty("temperature").GetProperty("readAt").GetDateTimeOffset();
        return decided - (card > reading ? card : reading);
    }

    /// <summary>Reads the lane's event stream from the box (no token needed) and keeps each prompt id, until cancelled.</summary>
    private static async Task ReadPromptsAsync(HttpClient http, List<string> shown, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/lane/lane1/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using var display = JsonDocument.Parse(line["data: ".Length..]);
                    shown.Add(display.RootElement.GetProperty("prompt").GetString()!);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static IEnumerable<(string Text, string Frame)> Said(ChildProcess simulator) =>
        simulator.Lines.Select(l => SaidLine().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private void WriteToken(string name, string token) => File.WriteAllText(TestGate.OwnerOnly(Path.Combine(Gate.Dir, name)), token + "\n");

    [GeneratedRegex(@"^voice lane1-voice said(?:, interrupting)?: (.+) \[([0-9A-F]+)\]$")]
    private static partial Regex SaidLine();
}
