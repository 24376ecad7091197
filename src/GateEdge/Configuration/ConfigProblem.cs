using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// One thing wrong with a configuration: the setting's path (as in the file, in every language)
/// and what is wrong with it, said in the reader's language.
/// </summary>
internal sealed class ConfigProblem(string path, Said what)
{
    /// <summary>"Lanes[0].Thermometer"; "" for a problem with the file as a whole.</summary>
    public string Path => path;

    /// <summary>A problem still written as one English line, "Path: what"; its path is read off the front.</summary>
    public static ConfigProblem FromEnglish(string line)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        string front = colon > 0 ? line[..colon] : "";
        // A path has no spaces: "line 4, column 5: not valid JSON" does not start with one.
        return front.Length > 0 && !front.Contains(' ', StringComparison.Ordinal)
            ? new ConfigProblem(front, Said.Text(line[(colon + 2)..]))
            : new ConfigProblem("", Said.Text(line));
    }

    public Said AsSaid() => Said.Of(In);

    public string In(Language language) => path.Length == 0 ? what.In(language) : $"{path}: {what.In(language)}";

    public override string ToString() => In(Language.English);
}
