using System.Net;
using System.Text.Json;
using System.Text;
using System.Threading.Channels;
using GateEdge.Configuration;
using GateEdge.Lanes;
using GateEdge.Prompts;
using GateEdge.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GateEdge.StatusPage;

/// <summary>
/// The lanes' display pages (docs/lane-prompts.md): <c>/lane/</c> lists them, <c>/lane/{id}</c> is a
/// full-screen page for a monitor or tablet at the lane, <c>/lane/{id}/events</c> streams what the
/// lane shows as server-sent events, the current prompt first. They show prompts only; what else
/// the status page knows is behind its own token.
/// </summary>
internal static class LanePages
{
    /// <param name="stopping">Ends every event stream when the page stops, so a stop never waits for a display to disconnect.</param>
    public static void Map(IEndpointRouteBuilder app, IReadOnlyList<LaneOptions> lanes, LanePromptBoard board, CancellationToken stopping)
    {
        var shown = lanes.Where(l => l.Display).ToDictionary(l => l.Id, StringComparer.Ordinal);
        app.MapGet("/lane/", () => Results.Content(Index(shown.Values), "text/html; charset=utf-8"));
        app.MapGet("/lane/{id}", context => Find(context) is { } lane
            ? Results.Content(Page.Value.Replace("{{lane}}", WebUtility.HtmlEncode(lane.Id), StringComparison.Ordinal)
                .Replace("{{language}}", PromptLanguages.Name(board.LanguageOf(lane.Prompted())), StringComparison.Ordinal), "text/html; charset=utf-8").ExecuteAsync(context)
            : Results.NotFound().ExecuteAsync(context));
        app.MapGet("/lane/{id}/events", context => Find(context) is { } lane ? StreamAsync(context, lane, board, stopping) : Results.NotFound().ExecuteAsync(context));

        LaneOptions? Find(HttpContext context) => context.Request.RouteValues["id"] is string id && shown.TryGetValue(id, out var lane) ? lane : null;
    }

    private static async Task StreamAsync(HttpContext context, LaneOptions lane, LanePromptBoard board, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = ended.Token;
        // A page that reads slowly misses intermediate prompts, never the latest one, and never holds up the lane.
        var updates = Channel.CreateBounded<LaneDisplay>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnChanged(LaneDisplay display)
        {
            if (display.Lane == lane.Id)
            {
                updates.Writer.TryWrite(display);
            }
        }

        board.Changed += OnChanged;
        try
        {
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            await response.WriteAsync("retry: 2000\n\n", cancellationToken).ConfigureAwait(false);
            await SendAsync(response, board.Current(lane.Prompted()), cancellationToken).ConfigureAwait(false);
            await foreach (var display in updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await SendAsync(response, display, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            board.Changed -= OnChanged;
        }
    }

    private static async Task SendAsync(HttpResponse response, LaneDisplay display, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(display, StatusJson.Default.LaneDisplay);
        await response.Body.WriteAsync("data: "u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Index(IEnumerable<LaneOptions> lanes)
    {
        var html = new StringBuilder("<!doctype html><html><meta charset=\"utf-8\"><title>GateEdge lanes</title><ul style=\"font:24px sans-serif\">");
        foreach (var lane in lanes)
        {
            string id = WebUtility.HtmlEncode(lane.Id);
            html.Append($"<li><a href=\"/lane/{id}\">{id}</a></li>");
        }

        return html.Append("</ul></html>").ToString();
    }

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(LanePages).Assembly.GetManifestResourceStream("GateEdge.StatusPage.lane.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
