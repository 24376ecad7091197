using GateEdge.Common.Messages;
using GateEdge.Configuration;

namespace GateEdge.Hosting;

/// <summary>
/// How the gateway says it will not start on a configuration: one line on standard error, every
/// problem in it, no stack trace. Under systemd the line carries the kernel-style priority prefix
/// journald reads (<c>&lt;3&gt;</c>, err), so <c>journalctl -u gateedge -p err</c> shows it.
/// </summary>
internal static class StartRefusal
{
    public static string Line(GatewayConfigurationException ex, Language language) =>
        ConfigMessages.StartRefused.Say(("file", ex.Source), ("problems", string.Join(language == Language.Chinese ? "；" : "; ", ex.ProblemsIn(language)))).In(language);

    public static void Write(GatewayConfigurationException ex, TextWriter error, Language language) =>
        error.WriteLine((UnderJournald ? "<3>" : "") + Line(ex, language));

    /// <summary>systemd connects standard error to the journal and says so in <c>JOURNAL_STREAM</c>.</summary>
    private static bool UnderJournald => Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 };
}
