using System.CommandLine;
using GateEdge.Common.Messages;
using GateEdge.Configuration;

namespace GateEdge.Cli;

/// <summary>
/// The <c>gateedge</c> command line. With no verb it runs the gateway, as the systemd unit does;
/// the verbs are the technician's tools.
/// </summary>
internal static class GateEdgeCommandLine
{
    private const string LangOption = "--lang";

    /// <summary><c>--lang</c> when given, else the locale the technician's shell has.</summary>
    public static Language LanguageOf(ParseResult result) =>
        Languages.TryParse(result.GetValue<string?>(LangOption), out var language) ? language : Languages.FromEnvironment();

    public static RootCommand Build(Func<string, Language, CancellationToken, Task<int>> runGateway)
    {
        var lang = new Option<string?>(LangOption)
        {
            Description = "The language of what is printed for people: zh-CN or en (default: from LC_ALL, LC_MESSAGES or LANG); --json output and logs never change",
            Recursive = true,
        };
        lang.Validators.Add(result =>
        {
            if (!Languages.TryParse(result.GetValueOrDefault<string?>(), out _))
            {
                result.AddError($"--lang: '{result.GetValueOrDefault<string?>()}' is not a language here; use {string.Join(" or ", Languages.Tags)}");
            }
        });

        var config = new Option<string>("--config", "-c")
        {
            Description = $"The gateway's configuration file (default: $GATEEDGE_CONFIG, else {ConfigFile.InstalledPath})",
            DefaultValueFactory = _ => ConfigFile.DefaultPath(),
            Recursive = true,
        };

        var root = new RootCommand("""
            GateEdge: identity, temperature and entry rules at a compound gate, recorded and delivered to the centre.
            Exit codes, for every verb: 0 done; 1 it failed (a device, a file or the journal said no; the message says which);
            2 the configuration or the command line is wrong (the message names what and where).
            """);
        root.Options.Add(config);
        root.Options.Add(lang);
        root.SetAction((result, token) => runGateway(result.GetValue(config)!, LanguageOf(result), token));

        var run = new Command("run", "Run the gateway (the default when no verb is given)");
        run.SetAction((result, token) => runGateway(result.GetValue(config)!, LanguageOf(result), token));
        root.Subcommands.Add(run);

        var file = NoOptions(new Argument<string?>("file") { Description = "Configuration file to check; defaults to --config", Arity = ArgumentArity.ZeroOrOne });
        var check = new Command("check", "Validate a configuration and print every problem with its path (exit code 2 when any)") { file };
        check.SetAction(result => ConfigCheck.Run(result.GetValue(file) ?? result.GetValue(config)!, Console.Out, LanguageOf(result)));
        root.Subcommands.Add(new Command("config", "Configuration tools") { check });

        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text" };
        var status = new Command("status", "Show the local journal: last sequence, events kept, events not yet delivered") { json };
        status.SetAction(result => JournalReport.Status(result.GetValue(config)!, Console.Out, result.GetValue(json)));
        root.Subcommands.Add(new Command("outbox", "The events waiting for the broker") { status });

        var listStatus = new Command("status", "Show the persons and lists in force: version, when each arrived, entries, staleness (exit code 1 when any is stale)") { json };
        listStatus.SetAction(result => ListReport.Status(result.GetValue(config)!, Console.Out, TimeProvider.System, result.GetValue(json)));
        root.Subcommands.Add(new Command("lists", "The persons and lists the rules decide on") { listStatus });

        var list = new Command("list", "Serial ports with their stable /dev/serial/by-id names, GPIO chips and I²C buses on this box") { json };
        list.SetAction(result => DeviceList.Run(Console.Out, json: result.GetValue(json)));
        var port = NoOptions(new Argument<string?>("port") { Description = "A serial port to identify (e.g. /dev/ttyUSB0); without it, the configured devices are run", Arity = ArgumentArity.ZeroOrOne });
        var only = new Option<string?>("--device") { Description = "Probe only the configured device of this name" };
        var seconds = new Option<int>("--seconds") { Description = "How long to run the devices, or to listen for a card on a port", DefaultValueFactory = _ => 5 };
        var scan = new Option<bool>("--scan") { Description = "With a port: ask every OSDP and Modbus address, to list all the devices of an RS-485 bus (about 40 s)" };
        var probe = new Command("probe", "Identify what answers on a serial port and print its config snippet; or run the configured devices for a few seconds and print what they read and their health (stop the service first)") { port, only, seconds, scan };
        probe.SetAction((result, token) =>
        {
            var duration = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(seconds), 1, 600));
            return result.GetValue(port) is { } portPath
                ? PortProbe.RunAsync(portPath, Console.Out, TimeSpan.FromSeconds(1.5), duration, token, scanAll: result.GetValue(scan))
                : DeviceProbe.RunAsync(result.GetValue(config)!, result.GetValue(only), duration, Console.Out, token);
        });
        var watched = new Argument<string>("device") { Description = "The configured device's name" };
        var watch = new Command("watch", "Run one configured device until Ctrl-C: what it reads and every change of its health, as it happens (stop the service first)") { watched };
        watch.SetAction((result, token) => DeviceProbe.RunAsync(result.GetValue(config)!, result.GetValue(watched), Timeout.InfiniteTimeSpan, Console.Out, token));
        root.Subcommands.Add(new Command("devices", "The hardware a lane can be wired to") { list, probe, watch });

        var count = new Option<int>("--count", "-n") { Description = "How many events (1–10000)", DefaultValueFactory = _ => 20 };
        count.Validators.Add(result =>
        {
            // Only a number out of range: a token that is no number at all is the parser's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)
                && n is < 1 or > 10_000)
            {
                result.AddError("--count must be 1–10000 events");
            }
        });
        var tail = new Command("tail", "Print the last events of the local journal (--json: one line per event, as journalled)") { count, json };
        tail.SetAction(result => JournalReport.Tail(result.GetValue(config)!, result.GetValue(count), Console.Out, result.GetValue(json)));
        root.Subcommands.Add(new Command("events", "The events recorded at this gate") { tail });

        var show = new Command("show", "Print this gateway's public key and fingerprint, for enrolment at the centre (made in the state folder on first use)");
        show.SetAction(result => IdentityReport.Show(result.GetValue(config)!, Console.Out));
        root.Subcommands.Add(new Command("identity", "The key this gateway signs everything it publishes with") { show });

        root.Subcommands.Add(CentreCommand(json));

        var rehearseFor = new Option<int?>("--seconds") { Description = "How long to rehearse; until Ctrl-C when left out" };
        var simulate = new Command("simulate", "Rehearse this configuration on simulated devices and an embedded broker: its lanes, rules and registry, decisions printed live") { rehearseFor };
        simulate.SetAction((result, token) => Simulate.RunAsync(result.GetValue(config)!, result.GetValue(rehearseFor), Console.Out, token));
        root.Subcommands.Add(simulate);
        return root;
    }

    /// <summary><c>gateedge centre …</c>: what a central service does with its private keys, run at the centre.</summary>
    private static Command CentreCommand(Option<bool> json)
    {
        var folder = new Option<string>("--out") { Description = "Folder for the key files", DefaultValueFactory = _ => "." };
        var id = new Option<string>("--id") { Description = "Key id, as gateways will name it in Commands.CentreKeys", Required = true };
        var keygen = new Command("keygen", "Make the centre's signing and sealing key pairs (private halves 0600): the public halves go to every gateway") { folder, id };
        keygen.SetAction(result => CentreTools.KeyGen(result.GetValue(folder)!, result.GetValue(id)!, Console.Out));

        var key = new Option<string>("--key") { Description = "The centre's private key file (PEM)", Required = true };
        var kid = new Option<string>("--kid") { Description = "The key id the gateways know this key by", Required = true };
        var sign = new Command("sign", "Sign a command or update body read from standard input; write the message to publish to standard output") { key, kid };
        sign.SetAction(result => CentreTools.Sign(result.GetValue(key)!, result.GetValue(kid)!, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error));

        var sealedValue = new Argument<string>("sealed") { Description = "A passage's credential.sealed value" };
        var unsealKey = new Option<string>("--key") { Description = "The centre's private sealing key file (PEM)", Required = true };
        var unseal = new Command("unseal", "Open a sealed identity with the centre's private sealing key") { sealedValue, unsealKey };
        unseal.SetAction(result => CentreTools.Unseal(result.GetValue(unsealKey)!, result.GetValue(sealedValue)!, Console.Out));

        var received = new Argument<string>("received") { Description = "Messages the centre received, one JSON object a line with topic and payload (mosquitto_sub -F %j), or - for standard input" };
        var keys = new Option<string>("--keys") { Description = "Folder of each gateway's enrolled public key, {gateway}.pub.pem", Required = true };
        var verify = new Command("verify", "Check the received record: signatures, every chain link, gaps, repeats, checkpoints, openings never confirmed (exit 1 on any integrity failure)") { received, keys, json };
        verify.SetAction(result => RecordCheck.Run(result.GetValue(received)!, result.GetValue(keys)!, Console.Out, result.GetValue(json)));
        return new Command("centre", "The centre's side: key pairs, signing what it sends, opening sealed identities, checking the record (run at the centre, never on a gateway)") { keygen, sign, unseal, verify };
    }

    /// <summary>A path argument refuses what looks like an option (<c>--bogus</c>), which would otherwise be taken for a file name.</summary>
    private static Argument<string?> NoOptions(Argument<string?> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', _, ..] value }])
            {
                result.AddError($"unknown option '{value}' (see --help)");
            }
        });
        return argument;
    }
}
