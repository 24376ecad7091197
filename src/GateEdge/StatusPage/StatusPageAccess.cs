using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using GateEdge.Configuration;
using GateEdge.Status;
using Microsoft.AspNetCore.Http;

namespace GateEdge.StatusPage;

/// <summary>
/// Who may read the status page: requests must name one of the page's own host names (no DNS
/// rebinding), and beyond loopback must carry the token, in an <c>Authorization: Bearer</c> header
/// (a scraper) or as a signed-in browser, whose cookie holds a session of its own, never the token.
/// Never in the address, where it would end up in browser history and proxy logs. The lane
/// displays' own token opens the lane pages (<c>/lane/…</c>) and nothing else; a monitor on the box
/// itself (a loopback connection) shows them without a token, as the screen at the gate shows them
/// to everyone. Wrong tokens are limited per address (<see cref="SignInThrottle"/>), and a sign-in
/// posted from another site is refused.
/// </summary>
internal sealed partial class StatusPageAccess(byte[] token, byte[]? displayToken, TimeProvider time)
{
    public const string CookieName = "gateedge-status";
    public const string DisplayCookieName = "gateedge-display";

    /// <summary>How long a browser stays signed in; a restart signs everyone out.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private const int MaxSessions = 1000;

    public const string LoginForm = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>GateEdge status: sign in</title>
        <form method="post" action="/login" style="font:18px sans-serif;margin:3em">
        <label>Status page or lane display token <input name="token" type="password" autofocus></label> <button>Open</button></form></html>
        """;

    private readonly SignInThrottle _throttle = new(time);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Cookie, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    public static HashSet<string> AllowedHosts(StatusPageOptions options)
    {
        var hosts = new HashSet<string>(["localhost", "127.0.0.1", "[::1]"], StringComparer.OrdinalIgnoreCase);
        if (Uri.TryCreate(options.Listen, UriKind.Absolute, out var listen) && listen.Host is not ("0.0.0.0" or "[::]" or "*" or "+"))
        {
            hosts.Add(listen.Host);
        }

        hosts.UnionWith(options.AllowedHosts);
        return hosts;
    }

    public static bool HostAllowed(HttpRequest request, HashSet<string> hosts) => request.Host.HasValue && hosts.Contains(request.Host.Host);

    public static Task RefuseHost(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        return context.Response.WriteAsync("this status page answers only to its own host names (StatusPage.AllowedHosts)\n");
    }

    /// <summary>The page's gatekeeper: an address that sent too many wrong tokens waits; the rest is <see cref="Allowed"/> or refused.</summary>
    public Task Check(HttpContext context, RequestDelegate next)
    {
        if (_throttle.Locked(context.Connection.RemoteIpAddress) is { } wait && (HasBearer(context.Request) || IsSignIn(context.Request)))
        {
            return TooManyAttempts(context, wait);
        }

        return Allowed(context) ? next(context) : Refuse(context);
    }

    /// <summary>
    /// Whether the request may have what it asks for: the health checks and sign-in always, the lane
    /// pages with either token or from the box itself, the rest with the status token.
    /// </summary>
    public bool Allowed(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        if (path is "/healthz" or "/readyz" or "/login")
        {
            return true;
        }

        var (status, display) = Credentials(context);
        return status || (IsLanePage(path) && (FromThisBox(context) || display));
    }

    /// <summary>Whether the request carries the status token (header) or a status session (cookie).</summary>
    public bool HasStatusToken(HttpContext context) => Credentials(context).Status;

    /// <summary>
    /// What the request proves: a bearer header is one token or the other (neither counts against the
    /// address); without one, the cookies must hold live sessions.
    /// </summary>
    private (bool Status, bool Display) Credentials(HttpContext context)
    {
        var request = context.Request;
        if (HasBearer(request))
        {
            string presented = request.Headers.Authorization.ToString()["Bearer ".Length..];
            bool status = Matches(presented, token), display = displayToken is not null && Matches(presented, displayToken);
            if (!status && !display)
            {
                _throttle.Failed(context.Connection.RemoteIpAddress);
            }

            return (status, display);
        }

        return (Session(request, CookieName), Session(request, DisplayCookieName));
    }

    private bool Session(HttpRequest request, string cookie) =>
        request.Cookies[cookie] is { } session && _sessions.TryGetValue(session, out var held) && held.Cookie == cookie && held.Expires > time.GetUtcNow();

    private static bool FromThisBox(HttpContext context) => context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    /// <summary>Exactly the lane pages' shapes (<c>/lane/</c>, <c>/lane/{id}</c>, <c>/lane/{id}/events</c>): a prefix would also let "/lane/../api/status" through.</summary>
    private static bool IsLanePage(string path) => LanePage().IsMatch(path);

    [GeneratedRegex("^/lane(/|/[A-Za-z0-9_-]{1,64}(/events)?)?$")]
    private static partial Regex LanePage();

    private static bool HasBearer(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    private static bool IsSignIn(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path == "/login";

    private static bool Matches(string presented, byte[] expected) => expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    public static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("""<p>A token is needed: <a href="/login">sign in</a>, or send <code>Authorization: Bearer …</code>.</p>""");
    }

    private static Task TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsync("too many wrong tokens from this address; try again in a minute\n");
    }

    /// <summary>
    /// A right token starts a session: an HttpOnly, same-site cookie holding a random value (never the
    /// token), and the browser goes to its page (the status token to the status page, the display
    /// token to the lane pages). A wrong one is refused as any request without it and counts against
    /// the address; a sign-in posted from another site's page is refused outright.
    /// </summary>
    public async Task LogInAsync(HttpContext context)
    {
        if (CrossSite(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("sign in from the status page itself\n").ConfigureAwait(false);
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        string? presented = form?["token"].ToString().Trim();
        var (cookie, page) = presented switch
        {
            null or "" => default,
            _ when Matches(presented, token) => (CookieName, "/"),
            _ when displayToken is not null && Matches(presented, displayToken) => (DisplayCookieName, "/lane/"),
            _ => default,
        };
        if (cookie is null)
        {
            _throttle.Failed(context.Connection.RemoteIpAddress);
            await Refuse(context).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(cookie, StartSession(cookie), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", MaxAge = SessionLifetime });
        context.Response.Redirect(page!);
    }

    private string StartSession(string cookie)
    {
        var now = time.GetUtcNow();
        foreach (var (old, held) in _sessions)
        {
            if (held.Expires <= now || _sessions.Count >= MaxSessions)
            {
                _sessions.TryRemove(old, out _);
            }
        }

        string session = Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[session] = (cookie, now + SessionLifetime);
        return session;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A browser says where a form was posted from (<c>Sec-Fetch-Site</c>, or the <c>Origin</c>); a scraper says neither.</summary>
    private static bool CrossSite(HttpRequest request)
    {
        string fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none");
        }

        string origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
