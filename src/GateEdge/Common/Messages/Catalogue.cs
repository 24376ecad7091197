namespace GateEdge.Common.Messages;

/// <summary>Every message GateEdge says to a person, for the tests that hold each one to both languages.</summary>
internal static class Catalogue
{
    public static IEnumerable<Message> All => [.. ConfigMessages.All, .. SettingMessages.All, .. BoxMessages.All, .. CliMessages.All, .. ReportMessages.All, .. DeviceToolMessages.All, .. PageMessages.All, .. ReasonMessages.All];

    /// <summary>The templates of <paramref name="messages"/> in one language, by id: what a page is sent to say things itself.</summary>
    public static Dictionary<string, string> Templates(IEnumerable<Message> messages, Language language) =>
        messages.ToDictionary(m => m.Id, m => m.Template(language), StringComparer.Ordinal);
}
