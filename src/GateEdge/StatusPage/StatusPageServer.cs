using System.Text.Json;
using System.Text;
using GateEdge.Common.Clock;
using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Devices.Health;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Prompts;
using GateEdge.Registry;
using GateEdge.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.StatusPage;

/// <summary>
/// The status page in the gateway's own process (ASP.NET Core on Kestrel): <c>/</c> the live
/// page, <c>/api/status</c> what it shows, <c>/healthz</c> (can it record: the gate works),
/// <c>/readyz</c> (is everything there: broker, devices, fresh lists), <c>/metrics</c>, and the lanes'
/// display pages (<see cref="LanePages"/>). It only reads the gateway's state. A page that cannot start (its port taken) is logged and the gate runs on.
/// </summary>
internal sealed partial class StatusPageServer(
    StatusPageOptions options,
    GatewayConfiguration config,
    EventJournal journal,
    JournalMaintenance maintenance,
    DeviceHealthBoard health,
    BrokerConnectionState broker,
    RecentDecisions decisions,
    GuardDesk guards,
    LiveRegistry registry,
    GatewayMetrics metrics,
    LanePromptBoard prompts,
    ClockWitness clock,
    TimeProvider time,
    ILogger<StatusPageServer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var token = options.TokenFile is { } file ? await ReadTokenAsync(file, stoppingToken).ConfigureAwait(false) : null;
        var displayToken = options.DisplayTokenFile is { } displayFile ? await ReadTokenAsync(displayFile, stoppingToken).ConfigureAwait(false) : null;
        using var prometheus = new PrometheusText(metrics.Meter);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Listen);
        await using var app = builder.Build();
        var hosts = StatusPageAccess.AllowedHosts(options);
        app.Use((context, next) => StatusPageAccess.HostAllowed(context.Request, hosts) ? next(context) : StatusPageAccess.RefuseHost(context));
        var access = token is null ? null : new StatusPageAccess(token, displayToken, time);
        if (access is not null)
        {
            app.MapPost("/login", access.LogInAsync);
            app.MapGet("/login", () => Results.Content(StatusPageAccess.LoginForm, "text/html; charset=utf-8"));
            app.Use((context, next) => access.Check(context, next));
        }

        // In the page's language (StatusPage.Language, zh-CN by default), or the one its link asks for.
        var pageLanguage = Languages.TryParse(options.Language, out var configured) ? configured : Language.Chinese;
        app.MapGet("/", (HttpContext context) => Results.Content(
            StatusPageHtml.Render(Languages.TryParse(context.Request.Query["lang"], out var asked) ? asked : pageLanguage), "text/html; charset=utf-8"));
        app.MapGet("/api/status", () => Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(Snapshot(), StatusJson.Default.StatusSnapshot), "application/json"));
        app.MapGet("/healthz", () => journal.Health.CanRecord
            ? Results.Text("ok\n")
            : Results.Text($"cannot record attempts: {journal.Health.Fault?.Problem ?? "the journal has stopped"}\n", statusCode: 503));
        // Without the token, only whether: what is missing names the broker, device paths and lists.
        app.MapGet("/readyz", (HttpContext context) => NotReady() is { Count: > 0 } missing
            ? Results.Text(access is null || access.HasStatusToken(context) ? string.Join("\n", missing) + "\n" : "not ready\n", statusCode: 503)
            : Results.Text("ready\n"));
        app.MapGet("/metrics", () => Results.Text(prometheus.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        LanePages.Map(app, config.Lanes, prompts, app.Lifetime.ApplicationStopping);
        try
        {
            await app.StartAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            LogCannotListen(options.Listen, ex.Message);
            return;
        }

        LogListening(options.Listen);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // The lane pages' event streams end with the application; a client that does not let go is cut after 2 s.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(patience.Token).ConfigureAwait(false);
    }

    /// <summary>What keeps the gateway from full service, a line each: for monitoring that wants more than "the gate works".</summary>
    internal List<string> NotReady()
    {
        var missing = new List<string>();
        if (!journal.Health.CanRecord)
        {
            missing.Add($"journal: cannot record ({journal.Health.Fault?.Problem ?? "stopped"})");
        }

        if (broker.Current is { Connected: false } lost)
        {
            missing.Add($"broker: not connected{(lost.Problem is { } why ? $" ({why})" : "")}");
        }

        missing.AddRange(health.Snapshot().Where(d => !d.IsAvailable).Select(d => $"device {d.Device}: {Wire.Of(d.State)}{(d.Reason is { } why ? $" ({why})" : "")}"));
        if (registry.Stale(time.GetUtcNow()) is { Count: > 0 } stale)
        {
            missing.Add($"lists: stale ({string.Join(", ", stale)})");
        }

        return missing;
    }

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    internal StatusSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var stale = registry.Stale(now);
        var (connected, since, problem) = broker.Current;
        return new StatusSnapshot(
            new(config.Gateway.Id, config.Gateway.CompoundId, config.Gateway.GateId, now, GatewayMetrics.Version, _startedAt, clock.Synchronised),
            new($"{config.Mqtt.Host}:{config.Mqtt.Port}", connected, since, problem, broker.IdentityClash),
            new(journal.Appender.LastSeq, journal.Outbox.CountUndelivered(), maintenance.BacklogAlarm, journal.Health.CanRecord ? null : journal.Health.Fault?.Problem ?? "the journal has stopped",
                maintenance.SizeAlarm),
            [.. config.Lanes.Select(l => (Lane: l, Desk: guards.For(l.Id)))
                .Select(l => new StatusSnapshot.LanePart(l.Lane.Id, Wire.Of(l.Lane.Direction), Wire.Of(l.Lane.Mode), [.. l.Lane.Devices], l.Desk.Guard, l.Desk.Waiting))],
            [.. health.Snapshot().Select(d => new StatusSnapshot.DevicePart(d.Device, Wire.Of(d.State), d.Reason, d.Since,
                d.Counters?.Frames ?? 0, d.Counters?.BadFrames ?? 0, d.Counters?.SilentPolls ?? 0, d.Counters?.Disconnects ?? 0))],
            decisions.Snapshot(),
            [.. registry.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new StatusSnapshot.ListPart(v.Key, v.Value.Version, stale.Contains(v.Key)))]);
    }

    private static async Task<byte[]> ReadTokenAsync(string file, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim());

    [LoggerMessage(Level = LogLevel.Information, Message = "Status page on {Url}")]
    private partial void LogListening(string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "The status page cannot listen on {Url} ({Reason}); the gate runs without it. Set StatusPage.Listen to a free port")]
    private partial void LogCannotListen(string url, string reason);
}
