using System.CommandLine;
using GateEdge.Cli;
using GateEdge.TestSupport;

namespace GateEdge.Tests.Docs;

/// <summary>The manual pages the package installs (deploy/man) name every verb and option the command line has, in both languages.</summary>
public sealed class ManualPageTests
{
    [Theory]
    [InlineData("gateedge.1")]
    [InlineData("gateedge.zh_CN.1")]
    public void Every_verb_and_option_of_the_command_line_is_in_the_manual_page(string page)
    {
        // troff escapes a hyphen as \-; the page is read as a reader sees it.
        string text = File.ReadAllText(RepoRoot.File("deploy", "man", page)).Replace("\\-", "-", StringComparison.Ordinal);
        var root = GateEdgeCommandLine.Build((_, _, _) => Task.FromResult(0));
        // The centre's tools are named as one (they run at the centre, and have their own --help).
        var gatewayVerbs = root.Subcommands.Where(c => c.Name != "centre").ToList();
        var verbs = gatewayVerbs.SelectMany(c => c.Subcommands.Count == 0 ? [c.Name] : c.Subcommands.Select(s => $"{c.Name} {s.Name}")).Append("centre");
        var options = root.Options.Concat(gatewayVerbs.SelectMany(c => c.Subcommands.Prepend(c)).SelectMany(c => c.Options))
            .Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n is not ("--help" or "--version")).Distinct();

        Assert.All(verbs, verb => Assert.Contains(verb, text, StringComparison.Ordinal));
        Assert.All(options, option => Assert.Contains(option, text, StringComparison.Ordinal));
    }
}
