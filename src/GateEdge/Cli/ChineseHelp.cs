using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using GateEdge.Common.Messages;

namespace GateEdge.Cli;

/// <summary>
/// <c>--help</c> in Chinese, laid out as System.CommandLine lays out its own: description, usage,
/// arguments, options, commands. The library's Chinese headings are in resources a build in
/// invariant globalization cannot select by culture, so the headings come from the catalogue; the
/// descriptions are GateEdge's own, already in the reader's language.
/// </summary>
internal sealed class ChineseHelp : SynchronousCommandLineAction
{
    /// <summary>Puts this help on <paramref name="root"/>'s help option, and says the built-in options in Chinese.</summary>
    public static void Use(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new ChineseHelp();
                help.Description = CliMessages.HelpOption.Template(Language.Chinese);
            }
            else if (option is VersionOption version)
            {
                version.Description = CliMessages.VersionOption.Template(Language.Chinese);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        string Heading(Message heading) => heading.Template(Language.Chinese);

        if (command.Description is { Length: > 0 } description)
        {
            output.WriteLine(Heading(CliMessages.HelpDescription));
            output.WriteLine(Indented(description));
            output.WriteLine();
        }

        output.WriteLine(Heading(CliMessages.HelpUsage));
        string usage = string.Join(' ', Path(parseResult.CommandResult))
            + string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.Name}>"))
            + (command.Subcommands.Any(c => !c.Hidden) ? $" [{Heading(CliMessages.HelpCommandWord)}]" : "")
            + $" [{Heading(CliMessages.HelpOptionsWord)}]";
        output.WriteLine("  " + usage);

        Section(output, Heading(CliMessages.HelpArguments), command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? "")));
        // In the English help's order: the command's own, the parser's (help, version), then those it inherits.
        var inherited = Ancestors(parseResult.CommandResult).SelectMany(c => c.Options.Where(o => o.Recursive && o is not (HelpOption or VersionOption)));
        var options = command.Options.Where(o => o is not (HelpOption or VersionOption))
            .Concat(command.Options.OfType<VersionOption>()).Concat(parseResult.RootCommandResult.Command.Options.OfType<HelpOption>()).Concat(inherited)
            .Where(o => !o.Hidden).Distinct();
        Section(output, Heading(CliMessages.HelpOptions), options.Select(o => (OptionName(o), o.Description ?? "")));
        Section(output, Heading(CliMessages.HelpCommands), command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")));
        return 0;
    }

    private static string OptionName(Option option)
    {
        // "/?" and "/h" are Windows habits the English help leaves out too.
        var names = option.Aliases.Where(a => !a.StartsWith('/')).Order(StringComparer.Ordinal).Append(option.Name);
        string value = option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? "" : $" <{option.HelpName ?? option.Name.TrimStart('-')}>";
        return string.Join(", ", names) + value;
    }

    private static void Section(TextWriter output, string heading, IEnumerable<(string Name, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(heading);
        int width = list.Max(r => r.Name.Length) + 2;
        foreach (var (name, description) in list)
        {
            var lines = description.Split('\n');
            output.WriteLine($"  {name.PadRight(width)}{lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine($"  {new string(' ', width)}{line}");
            }
        }
    }

    private static string Indented(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static IEnumerable<string> Path(CommandResult result) => Ancestors(result).Reverse().Append(result.Command).Select(c => c.Name);

    private static IEnumerable<Command> Ancestors(CommandResult result)
    {
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            yield return parent.Command;
        }
    }
}
