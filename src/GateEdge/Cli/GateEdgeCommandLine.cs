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

    /// <summary>
    /// The language of <c>--help</c> and of what the verbs print, read before the command line is
    /// built (its descriptions are in that language): <c>--lang X</c> or <c>--lang=X</c>, else the locale.
    /// </summary>
    public static Language LanguageOf(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string? tag = args[i] == LangOption && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith(LangOption + "=", StringComparison.Ordinal) ? args[i][(LangOption.Length + 1)..] : null;
            if (Languages.TryParse(tag, out var language))
            {
                return language;
            }
        }

        return Languages.FromEnvironment();
    }

    public static RootCommand Build(Func<string, Language, CancellationToken, Task<int>> runGateway, Language language = Language.English)
    {
        string T(Message message) => message.Template(language);

        var lang = new Option<string?>(LangOption)
        {
            Description = T(CliMessages.Lang),
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
            Description = CliMessages.Config.Say(("path", ConfigFile.InstalledPath)).In(language),
            DefaultValueFactory = _ => ConfigFile.DefaultPath(),
            Recursive = true,
        };

        var root = new RootCommand(T(CliMessages.Root));
        if (language == Language.Chinese)
        {
            ChineseHelp.Use(root);
        }

        root.Options.Add(config);
        root.Options.Add(lang);
        root.SetAction((result, token) => runGateway(result.GetValue(config)!, LanguageOf(result), token));

        var run = new Command("run", T(CliMessages.Run));
        run.SetAction((result, token) => runGateway(result.GetValue(config)!, LanguageOf(result), token));
        root.Subcommands.Add(run);

        var file = NoOptions(new Argument<string?>("file") { Description = T(CliMessages.CheckFile), Arity = ArgumentArity.ZeroOrOne });
        var check = new Command("check", T(CliMessages.Check)) { file };
        check.SetAction(result => ConfigCheck.Run(result.GetValue(file) ?? result.GetValue(config)!, Console.Out, LanguageOf(result)));
        root.Subcommands.Add(new Command("config", T(CliMessages.ConfigTools)) { check });

        var json = new Option<bool>("--json") { Description = T(CliMessages.Json) };
        var status = new Command("status", T(CliMessages.OutboxStatus)) { json };
        status.SetAction(result => JournalReport.Status(result.GetValue(config)!, Console.Out, result.GetValue(json), LanguageOf(result)));
        root.Subcommands.Add(new Command("outbox", T(CliMessages.Outbox)) { status });

        var listStatus = new Command("status", T(CliMessages.ListsStatus)) { json };
        listStatus.SetAction(result => ListReport.Status(result.GetValue(config)!, Console.Out, TimeProvider.System, result.GetValue(json), LanguageOf(result)));
        root.Subcommands.Add(new Command("lists", T(CliMessages.Lists)) { listStatus });

        var list = new Command("list", T(CliMessages.DevicesList)) { json };
        list.SetAction(result => DeviceList.Run(Console.Out, json: result.GetValue(json), language: LanguageOf(result)));
        var port = NoOptions(new Argument<string?>("port") { Description = T(CliMessages.ProbePort), Arity = ArgumentArity.ZeroOrOne });
        var only = new Option<string?>("--device") { Description = T(CliMessages.ProbeDevice) };
        var seconds = new Option<int>("--seconds") { Description = T(CliMessages.ProbeSeconds), DefaultValueFactory = _ => 5 };
        var scan = new Option<bool>("--scan") { Description = T(CliMessages.ProbeScan) };
        var probe = new Command("probe", T(CliMessages.Probe)) { port, only, seconds, scan };
        probe.SetAction((result, token) =>
        {
            var duration = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(seconds), 1, 600));
            return result.GetValue(port) is { } portPath
                ? PortProbe.RunAsync(portPath, Console.Out, TimeSpan.FromSeconds(1.5), duration, token, scanAll: result.GetValue(scan), language: LanguageOf(result))
                : DeviceProbe.RunAsync(result.GetValue(config)!, result.GetValue(only), duration, Console.Out, token, LanguageOf(result));
        });
        var watched = new Argument<string>("device") { Description = T(CliMessages.WatchDevice) };
        var watch = new Command("watch", T(CliMessages.Watch)) { watched };
        watch.SetAction((result, token) => DeviceProbe.RunAsync(result.GetValue(config)!, result.GetValue(watched), Timeout.InfiniteTimeSpan, Console.Out, token, LanguageOf(result)));
        root.Subcommands.Add(new Command("devices", T(CliMessages.Devices)) { list, probe, watch });

        var count = new Option<int>("--count", "-n") { Description = T(CliMessages.TailCount), DefaultValueFactory = _ => 20 };
        count.Validators.Add(result =>
        {
            // Only a number out of range: a token that is no number at all is the parser's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)
                && n is < 1 or > 10_000)
            {
                result.AddError("--count must be 1–10000 events");
            }
        });
        var tail = new Command("tail", T(CliMessages.Tail)) { count, json };
        tail.SetAction(result => JournalReport.Tail(result.GetValue(config)!, result.GetValue(count), Console.Out, result.GetValue(json), LanguageOf(result)));
        root.Subcommands.Add(new Command("events", T(CliMessages.Events)) { tail });

        var show = new Command("show", T(CliMessages.IdentityShow));
        show.SetAction(result => IdentityReport.Show(result.GetValue(config)!, Console.Out, LanguageOf(result)));
        root.Subcommands.Add(new Command("identity", T(CliMessages.Identity)) { show });

        root.Subcommands.Add(CentreCommand(json, T));

        var rehearseFor = new Option<int?>("--seconds") { Description = T(CliMessages.SimulateSeconds) };
        var simulate = new Command("simulate", T(CliMessages.Simulate)) { rehearseFor };
        simulate.SetAction((result, token) => Simulate.RunAsync(result.GetValue(config)!, result.GetValue(rehearseFor), Console.Out, token));
        root.Subcommands.Add(simulate);
        return root;
    }

    /// <summary><c>gateedge centre …</c>: what a central service does with its private keys, run at the centre.</summary>
    private static Command CentreCommand(Option<bool> json, Func<Message, string> T)
    {
        var folder = new Option<string>("--out") { Description = T(CliMessages.KeygenOut), DefaultValueFactory = _ => "." };
        var id = new Option<string>("--id") { Description = T(CliMessages.KeygenId), Required = true };
        var keygen = new Command("keygen", T(CliMessages.Keygen)) { folder, id };
        keygen.SetAction(result => CentreTools.KeyGen(result.GetValue(folder)!, result.GetValue(id)!, Console.Out));

        var key = new Option<string>("--key") { Description = T(CliMessages.SignKey), Required = true };
        var kid = new Option<string>("--kid") { Description = T(CliMessages.SignKid), Required = true };
        var sign = new Command("sign", T(CliMessages.Sign)) { key, kid };
        sign.SetAction(result => CentreTools.Sign(result.GetValue(key)!, result.GetValue(kid)!, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error));

        var sealedValue = new Argument<string>("sealed") { Description = T(CliMessages.UnsealValue) };
        var unsealKey = new Option<string>("--key") { Description = T(CliMessages.UnsealKey), Required = true };
        var unseal = new Command("unseal", T(CliMessages.Unseal)) { sealedValue, unsealKey };
        unseal.SetAction(result => CentreTools.Unseal(result.GetValue(unsealKey)!, result.GetValue(sealedValue)!, Console.Out));

        var received = new Argument<string>("received") { Description = T(CliMessages.VerifyReceived) };
        var keys = new Option<string>("--keys") { Description = T(CliMessages.VerifyKeys), Required = true };
        var verify = new Command("verify", T(CliMessages.Verify)) { received, keys, json };
        verify.SetAction(result => RecordCheck.Run(result.GetValue(received)!, result.GetValue(keys)!, Console.Out, result.GetValue(json)));
        return new Command("centre", T(CliMessages.Centre)) { keygen, sign, unseal, verify };
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
