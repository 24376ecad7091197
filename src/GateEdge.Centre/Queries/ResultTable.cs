using System.Text;
using System.Text.Json;

namespace GateEdge.Centre.Queries;

/// <summary>An answer to an investigator's question: named columns and rows of text (null: nothing recorded), printed as a table, CSV or JSON.</summary>
internal sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows)
{
    public void Write(string format, TextWriter output)
    {
        switch (format)
        {
            case "csv":
                output.WriteLine(string.Join(',', Columns.Select(Csv)));
                foreach (var row in Rows)
                {
                    output.WriteLine(string.Join(',', row.Select(Csv)));
                }

                break;
            case "json":
                using (var stream = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(stream))
                    {
                        json.WriteStartArray();
                        foreach (var row in Rows)
                        {
                            json.WriteStartObject();
                            for (int i = 0; i < Columns.Count; i++)
                            {
                                if (row[i] is null)
                                {
                                    json.WriteNull(Columns[i]);
                                }
                                else
                                {
                                    json.WriteString(Columns[i], row[i]);
                                }
                            }

                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
            default:
                WriteTable(output);
                break;
        }
    }

    private void WriteTable(TextWriter output)
    {
        var widths = Columns.Select((c, i) => Rows.Select(r => Width(r[i] ?? "-")).Append(Width(c)).Max()).ToArray();
        output.WriteLine(Line(Columns.ToArray()));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in Rows)
        {
            output.WriteLine(Line(row));
        }

        output.WriteLine($"({Rows.Count} {(Rows.Count == 1 ? "row" : "rows")})");

        string Line(string?[] cells) => string.Join("  ", cells.Select((c, i) => (c ?? "-") + new string(' ', widths[i] - Width(c ?? "-")))).TrimEnd();
    }

    /// <summary>Columns in a terminal: a CJK character takes two.</summary>
    private static int Width(string text) => text.Sum(c => c is >= '\u1100' and <= '\uFFDC' && !char.IsSurrogate(c) ? 2 : 1);

    private static string Csv(string? value) => value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
