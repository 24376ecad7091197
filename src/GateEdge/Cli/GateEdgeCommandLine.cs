using System.CommandLine;
using GateEdge.Configuration;

namespace GateEdge.Cli;

/// <summary>
/// The <c>gateedge</c> command line. With no verb it runs the gateway, as the systemd unit does;
/// the verbs are the technician's tools.
/// </summary>
internal static class GateEdgeCommandLine
{
    public static RootCommand Build(Func<string, CancellationToken, Task<int>> runGateway)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The gateway's configuration file",
            DefaultValueFactory = _ => ConfigFile.DefaultPath,
            Recursive = true,
        };

        var root = new RootCommand("GateEdge: identity, temperature and entry rules at a compound gate, recorded and delivered to the centre.");
        root.Options.Add(config);
        root.SetAction((result, token) => runGateway(result.GetValue(config)!, token));

        var run = new Command("run", "Run the gateway (the default when no verb is given)");
        run.SetAction((result, token) => runGateway(result.GetValue(config)!, token));
        root.Subcommands.Add(run);

        var file = new Argument<string?>("file") { Description = "Configuration file to check; defaults to --config", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Validate a configuration and print every problem with its path (exit code 2 when any)") { file };
        check.SetAction(result => ConfigCheck.Run(result.GetValue(file) ?? result.GetValue(config)!, Console.Out));
        root.Subcommands.Add(new Command("config", "Configuration tools") { check });

        var status = new Command("status", "Show the local journal: last sequence, events kept, events not yet delivered");
        status.SetAction(result => JournalReport.Status(result.GetValue(config)!, Console.Out));
        root.Subcommands.Add(new Command("outbox", "The events waiting for the broker") { status });

        var list = new Command("list", "Serial ports with their stable /dev/serial/by-id names, GPIO chips and I²C buses on this box");
        list.SetAction(_ => DeviceList.Run(Console.Out));
        var only = new Option<string?>("--device") { Description = "Probe only the device of this name" };
        var seconds = new Option<int>("--seconds") { Description = "How long to run the devices", DefaultValueFactory = _ => 5 };
        var probe = new Command("probe", "Run the configured devices for a few seconds, print what they read and each one's health (stop the service first)") { only, seconds };
        probe.SetAction((result, token) => DeviceProbe.RunAsync(result.GetValue(config)!, result.GetValue(only), TimeSpan.FromSeconds(Math.Clamp(result.GetValue(seconds), 1, 600)), Console.Out, token));
        root.Subcommands.Add(new Command("devices", "The hardware a lane can be wired to") { list, probe });

        var count = new Option<int>("--count", "-n") { Description = "How many events", DefaultValueFactory = _ => 20 };
        var tail = new Command("tail", "Print the last events of the local journal") { count };
        tail.SetAction(result => JournalReport.Tail(result.GetValue(config)!, result.GetValue(count), Console.Out));
        root.Subcommands.Add(new Command("events", "The events recorded at this gate") { tail });
        return root;
    }
}
