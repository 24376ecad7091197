using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace GateEdge.Status;

/// <summary>
/// Who may read the status page: requests must name one of the page's own host names (no DNS
/// rebinding), and beyond loopback must carry the token, in an <c>Authorization: Bearer</c> header
/// (a scraper) or in the cookie <c>/login</c> sets (a browser). Never in the address, where it would
/// end up in browser history and proxy logs. The lane displays' own token opens the lane pages
/// (<c>/lane/…</c>) and nothing else; a monitor on the box itself (a loopback connection) shows
/// them without a token, as the screen at the gate shows them to everyone.
/// </summary>
internal static partial class StatusPageAccess
{
    public const string CookieName = "gateedge-status";
    public const string DisplayCookieName = "gateedge-display";

    public const string LoginForm = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>GateEdge status: sign in</title>
        <form method="post" action="/login" style="font:18px sans-serif;margin:3em">
        <label>Status page or lane display token <input name="token" type="password" autofocus></label> <button>Open</button></form></html>
        """;

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

    /// <summary>
    /// Whether the request may have what it asks for: the health checks and sign-in always, the lane
    /// pages with either token or from the box itself, the rest with the status token.
    /// </summary>
    public static bool Allowed(HttpContext context, byte[] token, byte[]? displayToken)
    {
        var request = context.Request;
        string path = request.Path.Value ?? "";
        return path is "/healthz" or "/readyz" or "/login"
            || Authorised(request, token, CookieName)
            || (IsLanePage(path) && (FromThisBox(context) || (displayToken is not null && Authorised(request, displayToken, DisplayCookieName))));
    }

    /// <summary>Whether the request carries the status token (header or cookie).</summary>
    public static bool HasStatusToken(HttpRequest request, byte[] token) => Authorised(request, token, CookieName);

    private static bool FromThisBox(HttpContext context) => context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    /// <summary>Exactly the lane pages' shapes (<c>/lane/</c>, <c>/lane/{id}</c>, <c>/lane/{id}/events</c>): a prefix would also let "/lane/../api/status" through.</summary>
    private static bool IsLanePage(string path) => LanePage().IsMatch(path);

    [GeneratedRegex("^/lane(/|/[A-Za-z0-9_-]{1,64}(/events)?)?$")]
    private static partial Regex LanePage();

    private static bool Authorised(HttpRequest request, byte[] token, string cookie)
    {
        var header = request.Headers.Authorization.ToString();
        string? presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : request.Cookies[cookie];
        return presented is not null && Matches(presented, token);
    }

    private static bool Matches(string presented, byte[] token) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token);

    public static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("""<p>A token is needed: <a href="/login">sign in</a>, or send <code>Authorization: Bearer …</code>.</p>""");
    }

    /// <summary>
    /// A right token sets an HttpOnly, same-site cookie and goes to its page (the status token to the
    /// status page, the display token to the lane pages); a wrong one is refused as any request without it.
    /// </summary>
    public static async Task LogInAsync(HttpContext context, byte[] token, byte[]? displayToken)
    {
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
            await Refuse(context).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(cookie, presented!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        context.Response.Redirect(page!);
    }
}
