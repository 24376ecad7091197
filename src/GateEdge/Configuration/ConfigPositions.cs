using System.Text;
using System.Text.Json;
using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// Where each setting of a configuration file is, so every problem can name its line and column:
/// reads the file once with the rules the configuration reader uses (comments, trailing commas),
/// and turns a syntax error into one line that says where it is.
/// </summary>
internal sealed class ConfigPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;

    private ConfigPositions(Dictionary<string, (int Line, int Column)> positions) => _positions = positions;

    /// <summary>Every setting's path (<c>Devices.IdCardReaders[0].Port</c>) present in the file.</summary>
    public IEnumerable<string> Paths => _positions.Keys;

    /// <summary>
    /// Reads <paramref name="path"/>; a file that is not valid JSON, or sets one key twice, throws
    /// with the place of each error. A UTF-8 byte order mark (some Windows editors write one) is skipped.
    /// </summary>
    public static ConfigPositions Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new GatewayConfigurationException(path, [ConfigMessages.EmptyFile.Say()]);
        }

        var twice = new List<Said>();
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.OrdinalIgnoreCase);
        var lines = new LineCounter(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? property = null;
        // Where the last token ended: a missing comma belongs there, not at the next token.
        int lastEnd = 0;
        try
        {
            while (reader.Read())
            {
                lastEnd = (int)reader.BytesConsumed;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Join(containers.Peek().Path, reader.GetString()!);
                        var at = lines.At((int)reader.TokenStartIndex);
                        if (!positions.TryAdd(property, at))
                        {
                            // Keys are read without regard to case, and the later value would silently win.
                            twice.Add(ConfigMessages.At.Say(("line", at.Line), ("column", at.Column),
                                ("problem", ConfigMessages.SetTwice.Say(("setting", property), ("first", positions[property].Line)))));
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        string here = ValuePath(containers, ref property, lines.At((int)reader.TokenStartIndex), positions);
                        containers.Push((here, 0, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    default:
                        ValuePath(containers, ref property, lines.At((int)reader.TokenStartIndex), positions);
                        break;
                }
            }
        }
        catch (JsonException ex) when (lastEnd == 0 && ex.Message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
        {
            // Only comments: as empty as an empty file, and said the same way.
            throw new GatewayConfigurationException(path, [ConfigMessages.EmptyFile.Say()]);
        }
        catch (JsonException ex)
        {
            throw new GatewayConfigurationException(path, [.. twice, Describe(ex, bytes, lastEnd)]);
        }

        return twice.Count > 0 ? throw new GatewayConfigurationException(path, twice) : new ConfigPositions(positions);
    }

    /// <summary>
    /// "line 3, column 5: not valid JSON: …", counted from 1 in characters as editors do. A missing
    /// comma, which the reader notices only at the next value, is placed after the value before it;
    /// a name without quotes is said to need them.
    /// </summary>
    /// <param name="bytes">The text read, to count columns in characters; null: in bytes, as the reader does.</param>
    /// <param name="lastEnd">Where the last token the reader took ended.</param>
    public static Said Describe(JsonException ex, byte[]? bytes = null, int lastEnd = 0)
    {
        // The reader's message ends with its own zero-based "LineNumber: … | BytePositionInLine: …".
        string message = ex.Message;
        int tail = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        message = tail > 0 ? message[..tail] : message;
        int where = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = where > 0 ? message[..where] : message;
        if (ex.LineNumber is not { } line)
        {
            return ConfigMessages.NotJson.Say(("detail", message));
        }

        int inLine = (int)(ex.BytePositionInLine ?? 0);
        int column = inLine + 1;
        if (bytes is not null && LineStart(bytes, (int)line) is { } start)
        {
            column = Encoding.UTF8.GetCharCount(bytes, start, Math.Min(inLine, bytes.Length - start)) + 1;
            if (message.Contains("is invalid after a value. Expected either ','", StringComparison.Ordinal) && lastEnd > 0)
            {
                var after = new LineCounter(bytes).At(lastEnd);
                return ConfigMessages.At.Say(("line", after.Line), ("column", after.Column), ("problem", ConfigMessages.MissingComma.Say(("next", line + 1))));
            }
        }

        string found = message.EndsWith("is an invalid start of a property name. Expected a '\"'.", StringComparison.Ordinal)
            ? message[..message.IndexOf(" is", StringComparison.Ordinal)] : "";
        var problem = found switch
        {
            "" => ConfigMessages.NotJson.Say(("detail", message)),
            "','" => ConfigMessages.ExtraComma.Say(),
            _ => ConfigMessages.UnquotedName.Say(("found", found)),
        };
        return ConfigMessages.At.Say(("line", line + 1), ("column", column), ("problem", problem));
    }

    /// <summary>The offset where zero-based line <paramref name="line"/> starts; null past the end.</summary>
    private static int? LineStart(byte[] bytes, int line)
    {
        int offset = 0;
        for (int seen = 0; seen < line; seen++)
        {
            int next = Array.IndexOf(bytes, (byte)'\n', offset);
            if (next < 0)
            {
                return null;
            }

            offset = next + 1;
        }

        return offset;
    }

    /// <summary>Where the setting at <paramref name="path"/>, or the nearest enclosing one the file has, is written.</summary>
    public (int Line, int Column)? Find(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (_positions.TryGetValue(candidate, out var position))
            {
                return position;
            }
        }

        return null;
    }

    public bool Contains(string path) => _positions.ContainsKey(path);

    /// <summary><c>Devices.IdCardReaders[0].Port</c> → <c>Devices.IdCardReaders[0]</c> → <c>Devices.IdCardReaders</c> → <c>Devices</c> → "".</summary>
    public static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of the value starting here: the property it belongs to, or the next index of the array it is in.</summary>
    private static string ValuePath(Stack<(string Path, int NextIndex, bool IsArray)> containers, ref string? property, (int Line, int Column) at,
        Dictionary<string, (int Line, int Column)> positions)
    {
        if (containers.Count == 0)
        {
            return "";
        }

        var (parent, next, isArray) = containers.Pop();
        containers.Push((parent, isArray ? next + 1 : next, isArray));
        if (!isArray)
        {
            string named = property ?? parent;
            property = null;
            return named;
        }

        string element = $"{parent}[{next}]";
        positions.TryAdd(element, at);
        return element;
    }

    /// <summary>Line and column of byte offsets visited in increasing order, counting each byte once.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private int _offset;
        private int _line = 1;
        private int _lineStart;

        public (int Line, int Column) At(int offset)
        {
            for (; _offset < offset; _offset++)
            {
                if (bytes[_offset] == (byte)'\n')
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
            }

            // Columns count characters, so a line with Chinese names before the key still points at it.
            return (_line, Encoding.UTF8.GetCharCount(bytes, _lineStart, offset - _lineStart) + 1);
        }
    }
}
