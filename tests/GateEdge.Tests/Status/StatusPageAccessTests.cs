using System.Net;
using System.Text;
using GateEdge.Status;
using GateEdge.StatusPage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Status;

/// <summary>
/// Who may read what: the status token opens everything, the lane display token only the lane pages,
/// the box itself the lane pages without a token; a browser holds a session, never the token; wrong
/// tokens are limited per address; a sign-in from another site is refused.
/// </summary>
public sealed class StatusPageAccessTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    private static readonly byte[] StatusToken = Encoding.UTF8.GetBytes("status-token-0123456789");
    private static readonly byte[] DisplayToken = Encoding.UTF8.GetBytes("display-token-0123456789");

    public static TheoryData<string, string, string, bool> Rows => new()
    {
        // path, from, credential ("bearer:…", "session:status" or "session:display" from signing in, "cookie:name=…", or none), allowed
        { "/", "lan", "bearer:status-token-0123456789", true },
        { "/api/status", "lan", "session:status", true },
        { "/lane/lane1", "lan", "bearer:status-token-0123456789", true },
        { "/lane/lane1", "lan", "session:display", true },
        { "/lane/lane1/events", "lan", "bearer:display-token-0123456789", true },
        { "/lane/", "lan", "session:display", true },
        { "/", "lan", "session:display", false },
        { "/api/status", "lan", "bearer:display-token-0123456789", false },
        { "/metrics", "lan", "bearer:display-token-0123456789", false },
        { "/api/status", "lan", "cookie:gateedge-status=status-token-0123456789", false },
        { "/lane/lane1", "lan", "cookie:gateedge-display=display-token-0123456789", false },
        { "/lane/lane1", "lan", "none", false },
        { "/lane/../api/status", "lan", "bearer:display-token-0123456789", false },
        { "/lane/lane1", "box", "none", true },
        { "/lane/lane1/events", "box", "none", true },
        { "/api/status", "box", "none", false },
        { "/healthz", "lan", "none", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Access_rows(string path, string from, string credential, bool allowed)
    {
        var access = new StatusPageAccess(StatusToken, DisplayToken, _time);
        var context = Request(path, from == "box" ? IPAddress.Loopback : Lan);
        if (credential.StartsWith("bearer:", StringComparison.Ordinal))
        {
            context.Request.Headers.Authorization = "Bearer " + credential["bearer:".Length..];
        }
        else if (credential.StartsWith("session:", StringComparison.Ordinal))
        {
            context.Request.Headers.Cookie = await SignInAsync(access, credential == "session:status" ? "status-token-0123456789" : "display-token-0123456789");
        }
        else if (credential.StartsWith("cookie:", StringComparison.Ordinal))
        {
            context.Request.Headers.Cookie = credential["cookie:".Length..];
        }

        Assert.Equal(allowed, access.Allowed(context));
    }

    [Fact]
    public async Task A_session_cookie_holds_no_token_and_ends_after_its_lifetime()
    {
        var access = new StatusPageAccess(StatusToken, DisplayToken, _time);
        string cookie = await SignInAsync(access, "status-token-0123456789");
        Assert.StartsWith("gateedge-status=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("status-token", cookie, StringComparison.Ordinal);

        var page = Request("/api/status", Lan);
        page.Request.Headers.Cookie = cookie;
        Assert.True(access.Allowed(page));
        _time.Advance(StatusPageAccess.SessionLifetime);
        Assert.False(access.Allowed(page));
        Assert.False(new StatusPageAccess(StatusToken, DisplayToken, _time).Allowed(page)); // nor after a restart
    }

    [Fact]
    public async Task Ten_wrong_tokens_from_one_address_make_it_wait_a_minute_and_no_other_address()
    {
        var access = new StatusPageAccess(StatusToken, DisplayToken, _time);
        for (int i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            var guess = Request("/api/status", Lan);
            guess.Request.Headers.Authorization = $"Bearer guess-{i}";
            await access.Check(guess, _ => Task.CompletedTask);
            Assert.Equal(401, guess.Response.StatusCode);
        }

        var right = Request("/api/status", Lan);
        right.Request.Headers.Authorization = "Bearer status-token-0123456789";
        await access.Check(right, _ => Task.CompletedTask);
        Assert.Equal(429, right.Response.StatusCode);
        Assert.Equal(429, (await PostSignInAsync(access, "status-token-0123456789", Lan)).Response.StatusCode);

        var elsewhere = Request("/api/status", IPAddress.Parse("192.168.1.21"));
        elsewhere.Request.Headers.Authorization = "Bearer status-token-0123456789";
        bool reached = false;
        await access.Check(elsewhere, _ => { reached = true; return Task.CompletedTask; });
        Assert.True(reached);

        _time.Advance(SignInThrottle.Window);
        right = Request("/api/status", Lan);
        right.Request.Headers.Authorization = "Bearer status-token-0123456789";
        reached = false;
        await access.Check(right, _ => { reached = true; return Task.CompletedTask; });
        Assert.True(reached);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    public async Task A_sign_in_posted_from_another_site_is_refused(string header, string value)
    {
        var access = new StatusPageAccess(StatusToken, DisplayToken, _time);
        var context = await PostSignInAsync(access, "status-token-0123456789", Lan, (header, value));
        Assert.Equal(403, context.Response.StatusCode);
        Assert.False(context.Response.Headers.SetCookie.Count > 0);
    }

    private static readonly IPAddress Lan = IPAddress.Parse("192.168.1.20");

    private static DefaultHttpContext Request(string path, IPAddress from)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Host = new HostString("gate.example:8780");
        context.Connection.RemoteIpAddress = from;
        return context;
    }

    private static async Task<DefaultHttpContext> PostSignInAsync(StatusPageAccess access, string presented, IPAddress from, (string Name, string Value)? header = null)
    {
        var context = Request("/login", from);
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("token=" + Uri.EscapeDataString(presented)));
        context.Request.Headers["Sec-Fetch-Site"] = "same-origin";
        if (header is var (name, value))
        {
            context.Request.Headers.Remove("Sec-Fetch-Site");
            context.Request.Headers[name] = value;
        }

        await access.Check(context, access.LogInAsync);
        return context;
    }

    /// <summary>Signs in as a browser does and returns the cookie it would send back ("name=value").</summary>
    private static async Task<string> SignInAsync(StatusPageAccess access, string presented)
    {
        var context = await PostSignInAsync(access, presented, Lan);
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
