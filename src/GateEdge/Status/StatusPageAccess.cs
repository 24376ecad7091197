using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GateEdge.Status;

/// <summary>
/// Who may read the status page: requests must name one of the page's own host names (no DNS
/// rebinding), and beyond loopback must carry the token, in an <c>Authorization: Bearer</c> header
/// (a scraper) or in the cookie <c>/login</c> sets (a browser). Never in the address, where it would
/// end up in browser history and proxy logs.
/// </summary>
internal static class StatusPageAccess
{
    public const string CookieName = "gateedge-status";

    public const string LoginForm = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>GateEdge status: sign in</title>
        <form method="post" action="/login" style="font:18px sans-serif;margin:3em">
        <label>Status page token <input name="token" type="password" autofocus></label> <button>Open</button></form></html>
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

    public static bool Authorised(HttpRequest request, byte[] token)
    {
        var header = request.Headers.Authorization.ToString();
        string? presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : request.Cookies[CookieName];
        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token);
    }

    public static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("""<p>A token is needed: <a href="/login">sign in</a>, or send <code>Authorization: Bearer …</code>.</p>""");
    }

    /// <summary>A right token sets an HttpOnly, same-site cookie and goes to the page; a wrong one is refused as any request without it.</summary>
    public static async Task LogInAsync(HttpContext context, byte[] token)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        string? presented = form?["token"];
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.Trim()), token))
        {
            await Refuse(context).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(CookieName, presented.Trim(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        context.Response.Redirect("/");
    }
}
