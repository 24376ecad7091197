using System.Net;
using System.Net.Http.Headers;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The status page of a real gateway process under simulated traffic, open in headless Chromium:
/// decisions appear within seconds, a device going offline shows as it happens; beside it
/// /healthz, /metrics and the access token.
/// </summary>
public sealed class StatusPageSystemTests : GateTest
{
    private const string Token = "technician-token-0042";

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_live_page_shows_decisions_and_a_device_going_offline_and_metrics_count_them()
    {
        int port = await WriteConfigWithStatusPageAsync();
        Gate.WriteSteadyTrafficScript();
        await using var gateway = Gate.StartGateway();
        var simulator = Gate.StartSimulator();
        await gateway.WaitForLineAsync("Status page on", TimeSpan.FromSeconds(30));
        // A technician signs in once; the page then reads its data with the cookie, never with the token in the address.
        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/login");
        await Eventually.True(async () => await browser.EvaluateAsync("document.forms.length") == "1", "the sign-in form", TimeSpan.FromSeconds(10));
        Assert.Equal("sent", await browser.EvaluateAsync($"(document.querySelector('input[name=token]').value = '{Token}', document.forms[0].submit(), 'sent')"));

        await Eventually.True(async () => await browser.EvaluateAsync("document.querySelector('#decisions tr')?.dataset.outcome") == "allow",
            "a decision on the page", TimeSpan.FromSeconds(20));
        Assert.Matches(@"\d{6}\*{8}\d{3}[0-9X]", await browser.EvaluateAsync("document.querySelector('#decisions tr').cells[3].textContent"));
        // The test lane has no mask detector: the mask column says the check was not made, in the page's language (Chinese by default).
        Assert.Equal("zh-CN", await browser.EvaluateAsync("document.documentElement.lang"));
        Assert.Equal("未检查", await browser.EvaluateAsync("document.querySelector('#decisions tr').cells[5].textContent"));
        Assert.Equal("放行", await browser.EvaluateAsync("document.querySelector('#decisions tr').cells[6].textContent"));
        Assert.Equal("online", await browser.EvaluateAsync("document.querySelector('[data-device=\"lane1-idcard\"]').dataset.state"));
        Assert.Equal("true", await browser.EvaluateAsync("document.getElementById('broker').dataset.connected"));
        await StatusPageLanguage.AssertChineseAsync(browser, "status-zh-CN", "east");
        Assert.Matches(@"版本 0\.4\.0 · 运行自", await browser.EvaluateAsync("document.getElementById('gateway').textContent"));
        Assert.Equal("navigated", await browser.EvaluateAsync("(location.search = '?lang=en', 'navigated')"));
        // While the page is replaced, the old one's context goes away under an evaluation: asked again until the new one answers.
        await Eventually.True(async () => await WhileNavigatingAsync(browser, "document.documentElement?.lang") == "en"
            && await WhileNavigatingAsync(browser, "document.querySelector('#decisions tr')?.cells[6].textContent") == "allow", "the page in English", TimeSpan.FromSeconds(10));
        await StatusPageLanguage.AssertEnglishAsync(browser, "status-en", "中文");

        await simulator.DisposeAsync();
        await Eventually.True(async () => await browser.EvaluateAsync("document.querySelector('[data-device=\"lane1-idcard\"]').dataset.state") == "offline",
            "the reader shown offline once its simulator is gone", TimeSpan.FromSeconds(20));
        // The first reason may be the failed write that noticed it; the next attempt to reopen names the missing port.
        await Eventually.True(async () => (await browser.EvaluateAsync("document.querySelector('[data-device=\"lane1-idcard\"]').cells[7].textContent")).Contains("links/lane1-idcard", StringComparison.Ordinal),
            "the reader's missing port named on the page", TimeSpan.FromSeconds(20));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Equal("ok\n", await http.GetStringAsync("/healthz"));
        using (var ready = await http.GetAsync("/readyz"))
        {
            // Without the token, only whether it is ready: what is missing would name the broker and the device paths.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("not ready\n", await ready.Content.ReadAsStringAsync());
        }

        using (var ready = new HttpRequestMessage(HttpMethod.Get, "/readyz"))
        {
            ready.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var answer = await http.SendAsync(ready);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Contains("device lane1-idcard: offline (", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/status?token={Token}")).StatusCode);
        using (var rebound = new HttpRequestMessage(HttpMethod.Get, "/healthz"))
        {
            rebound.Headers.Host = "attacker.example";
            Assert.Equal(HttpStatusCode.MisdirectedRequest, (await http.SendAsync(rebound)).StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Matches(@"gateedge_decisions_total\{lane=""lane1"",outcome=""allow""\} [1-9]", metrics);
        Assert.Matches(@"gateedge_publish_ack_seconds_count [1-9]", metrics);
        Assert.Contains("gateedge_device_up{device=\"lane1-idcard\"} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE gateedge_publish_ack_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Matches(@"gateedge_build_info\{version=""0\.4\.0[^""]*""\} 1", metrics);
        Assert.Contains("gateedge_journal_recording 1", metrics, StringComparison.Ordinal);
        // The test centre never sent lists: the three seed lists are past their freshness limit.
        Assert.Contains("gateedge_stale_lists 3", metrics, StringComparison.Ordinal);
        Assert.Matches(@"gateedge_oldest_undelivered_seconds \d", metrics);
        // No centre acknowledges checkpoints here: every event stays unacknowledged, and says so.
        Assert.Matches(@"gateedge_unacknowledged_events [1-9]", metrics);
        Assert.Matches(@"process_cpu_seconds_total \d+\.?\d*", metrics);
        Assert.Matches(@"process_resident_memory_bytes [1-9]\d{6,}", metrics);
        Assert.Matches(@"process_open_fds [1-9]\d*", metrics);
        Assert.Matches(@"process_start_time_seconds 1[7-9]\d{8}", metrics);
        Assert.Matches(@"version 0\.4\.0 · up since", await browser.EvaluateAsync("document.getElementById('gateway').textContent"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_browser_session_holds_no_token_a_cross_site_sign_in_is_refused_and_guessing_waits()
    {
        int port = await WriteConfigWithStatusPageAsync();
        await using var gateway = Gate.StartGateway();
        await gateway.WaitForLineAsync("Status page on", TimeSpan.FromSeconds(30));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        HttpRequestMessage SignIn(string token, string site) => new(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
            Headers = { { "Sec-Fetch-Site", site } },
        };

        // A page on another site posting the right token (a technician's browser tricked into it): refused.
        using (var crossSite = await http.SendAsync(SignIn(Token, "cross-site")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
            Assert.False(crossSite.Headers.Contains("Set-Cookie"));
        }

        // Signed in from the page itself: the cookie is a session, which opens the page; the token is nowhere in it.
        using var signedIn = await http.SendAsync(SignIn(Token, "same-origin"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        string cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.StartsWith("gateedge-status=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        using (var page = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "Cookie", cookie } } })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(page)).StatusCode);
        }

        using (var tokenAsCookie = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { { "Cookie", $"gateedge-status={Token}" } } })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(tokenAsCookie)).StatusCode);
        }

        // Ten wrong tokens from one address: then even the right one waits, with a Retry-After.
        for (int i = 0; i < 10; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, "/api/status");
            guess.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"guess-{i:D4}-{i * 7919}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(guess)).StatusCode);
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var waited = await http.SendAsync(right);
        Assert.Equal(HttpStatusCode.TooManyRequests, waited.StatusCode);
        Assert.True(waited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(SignIn(Token, "same-origin"))).StatusCode);
        Assert.Equal("ok\n", await http.GetStringAsync("/healthz"));
    }

    private static async Task<string> WhileNavigatingAsync(HeadlessChromium browser, string expression)
    {
        try
        {
            return await browser.EvaluateAsync(expression);
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>The test gate's configuration with the status page on a free loopback port, behind <see cref="Token"/>; returns the port.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private async Task<int> WriteConfigWithStatusPageAsync()
    {
        int port = Loopback.FreePort();
        await File.WriteAllTextAsync(Path.Combine(Gate.Dir, "status.token"), Token + "\n");
        File.SetUnixFileMode(Path.Combine(Gate.Dir, "status.token"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Gate.WriteGatewayConfig(statusPage: $$"""{ "Listen": "http://127.0.0.1:{{port}}", "TokenFile": "status.token" }""");
        return port;
    }
}
