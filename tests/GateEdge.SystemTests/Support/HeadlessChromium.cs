using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// Debian's chromium, headless, with one page open, driven over the DevTools protocol: the test
/// reads the live DOM while the page keeps running its own scripts, as a technician's browser would.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly ChildProcess _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _page = new();
    private int _nextId;

    private HeadlessChromium(ChildProcess browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> OpenAsync(string url)
    {
        var profile = Directory.CreateTempSubdirectory("gateedge-chromium-").FullName;
        var browser = ChildProcess.Start("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank");
        var chromium = new HeadlessChromium(browser, profile);
        await browser.WaitForLineAsync("DevTools listening on", TimeSpan.FromSeconds(30));
        var port = DevToolsPort().Match(browser.Output).Groups[1].Value;
        using var http = new HttpClient();
        using var created = await http.PutAsync($"http://127.0.0.1:{port}/json/new?{url}", null);
        created.EnsureSuccessStatusCode();
        var target = await created.Content.ReadFromJsonAsync<JsonElement>();
        await chromium._page.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
        return chromium;
    }

    /// <summary>The value of a JavaScript expression evaluated in the page, as a string ("" when null or undefined); a script error throws.</summary>
    public async Task<string> EvaluateAsync(string expression)
    {
        var outcome = await CallAsync("Runtime.evaluate", new { expression = $"String(({expression}) ?? '')", returnByValue = true });
        if (outcome.TryGetProperty("exceptionDetails", out var failure))
        {
            throw new InvalidOperationException($"the page could not evaluate {expression}: {failure}");
        }

        var result = outcome.GetProperty("result");
        return result.TryGetProperty("value", out var value) ? value.GetString() ?? "" : "";
    }

    /// <summary>The page as a screen of <paramref name="width"/>×<paramref name="height"/> shows it, as PNG, saved to <paramref name="file"/>.</summary>
    public async Task<byte[]> ScreenshotAsync(string file, int width, int height)
    {
        await CallAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false });
        var shot = await CallAsync("Page.captureScreenshot", new { format = "png" });
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, png);
        return png;
    }

    /// <summary>One DevTools call on the page: its result, once the answer with its id arrives.</summary>
    private async Task<JsonElement> CallAsync(string method, object parameters)
    {
        int id = ++_nextId;
        var request = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _page.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _page.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            using var reply = JsonDocument.Parse(message.ToArray());
            if (reply.RootElement.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                if (reply.RootElement.TryGetProperty("error", out var error))
                {
                    throw new InvalidOperationException($"DevTools refused {method}: {error}");
                }

                return reply.RootElement.GetProperty("result").Clone();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        await _browser.DisposeAsync();
        Directory.Delete(_profile, recursive: true);
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsPort();
}
