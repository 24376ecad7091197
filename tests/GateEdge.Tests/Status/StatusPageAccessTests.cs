using System.Net;
using System.Text;
using GateEdge.Status;
using Microsoft.AspNetCore.Http;

namespace GateEdge.Tests.Status;

/// <summary>Who may read what: the status token opens everything, the lane display token only the lane pages, the box itself the lane pages without a token.</summary>
public sealed class StatusPageAccessTests
{
    private static readonly byte[] StatusToken = Encoding.UTF8.GetBytes("status-token-0123456789");
    private static readonly byte[] DisplayToken = Encoding.UTF8.GetBytes("display-token-0123456789");

    public static TheoryData<string, string, string, bool> Rows => new()
    {
        // path, from, credential ("bearer:…", "cookie:name=…", or none), allowed
        { "/", "lan", "bearer:status-token-0123456789", true },
        { "/api/status", "lan", "cookie:gateedge-status=status-token-0123456789", true },
        { "/lane/lane1", "lan", "bearer:status-token-0123456789", true },
        { "/lane/lane1", "lan", "cookie:gateedge-display=display-token-0123456789", true },
        { "/lane/lane1/events", "lan", "bearer:display-token-0123456789", true },
        { "/lane/", "lan", "cookie:gateedge-display=display-token-0123456789", true },
        { "/", "lan", "cookie:gateedge-display=display-token-0123456789", false },
        { "/api/status", "lan", "bearer:display-token-0123456789", false },
        { "/metrics", "lan", "bearer:display-token-0123456789", false },
        { "/api/status", "lan", "cookie:gateedge-status=display-token-0123456789", false },
        { "/lane/lane1", "lan", "cookie:gateedge-display=status-token-wrong", false },
        { "/lane/lane1", "lan", "none", false },
        { "/lane/../api/status", "lan", "bearer:display-token-0123456789", false },
        { "/lane/lane1", "box", "none", true },
        { "/lane/lane1/events", "box", "none", true },
        { "/api/status", "box", "none", false },
        { "/healthz", "lan", "none", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Access_rows(string path, string from, string credential, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = from == "box" ? IPAddress.Loopback : IPAddress.Parse("192.168.1.20");
        if (credential.StartsWith("bearer:", StringComparison.Ordinal))
        {
            context.Request.Headers.Authorization = "Bearer " + credential["bearer:".Length..];
        }
        else if (credential.StartsWith("cookie:", StringComparison.Ordinal))
        {
            context.Request.Headers.Cookie = credential["cookie:".Length..];
        }

        Assert.Equal(allowed, StatusPageAccess.Allowed(context, StatusToken, DisplayToken));
    }
}
