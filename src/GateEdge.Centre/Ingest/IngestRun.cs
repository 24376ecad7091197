using GateEdge.Centre.Store;
using GateEdge.Evidence.Verify;
using GateEdge.Trust;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog;
using Serilog.Extensions.Logging;

namespace GateEdge.Centre.Ingest;

/// <summary>Puts one ingest worker together and runs it until stopped (SIGTERM or Ctrl-C).</summary>
internal static class IngestRun
{
    public static async Task<int> RunAsync(IngestOptions options, SweepOptions sweep, string connectionString, EnrolledKeys keys, CentreSigner signer, CancellationToken cancellationToken)
    {
        using var serilog = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
        using var logs = new SerilogLoggerFactory(serilog);
        var logger = logs.CreateLogger("gateedge-centre");
        await using var database = CentreCommandLine.DataSource(connectionString);
        try
        {
            await CentreSchema.EnsureAsync(database, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            logger.LogCritical("The database cannot be used: {Problem} (check --database and that PostgreSQL runs)", ex.Message);
            return 1;
        }

        var clock = TimeProvider.System;
        await using var worker = new IngestWorker(options, new MessageIntake(keys), new IntakeWriter(database), clock, logger);
        var sweeper = new RecordSweeper(database, new CentreRequests(signer, options.Root, clock), worker.PublishAsync, sweep, clock, logger);
        logger.LogInformation("gateedge-centre ingest {ClientId}: {Keys} gateway keys enrolled", options.ClientId, keys.Count);
        // A worker that cannot go on stops its sweeper too, so the process exits and systemd starts it again.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sweeping = sweeper.RunAsync(stop.Token);
        int exit = await worker.RunAsync(stop.Token);
        await stop.CancelAsync();
        await sweeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        logger.LogInformation("gateedge-centre ingest {ClientId} stopped after storing {Stored} messages", options.ClientId, worker.Stored);
        return exit;
    }
}
