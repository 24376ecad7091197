using System.Text;
using System.Text.Json.Nodes;

namespace GateEdge.Tests.Support;

/// <summary>
/// Mutates a valid JSON body by its structure, the way an attacker or a buggy centre would write
/// it: nulls, values of the wrong type, missing and unknown fields, repeated keys, deep nesting,
/// huge arrays and strings, control characters and line breaks meant for a log. Deterministic for a
/// seed, so a failure names a case that can be replayed. Shared by the unit fuzz tests and the
/// fuzzing through a real broker.
/// </summary>
internal sealed class StructuredPayloads(int seed)
{
    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null,
        r => JsonValue.Create(r.Next(-3, 3)),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(-1e308),
        _ => JsonValue.Create(true),
        _ => JsonValue.Create(""),
        _ => JsonValue.Create("\u0000\n[07:59:59 INF] Lane lane1: relay pulse\r"),
        _ => JsonValue.Create(new string('x', 10_000)),
        _ => JsonValue.Create("c-1/../../etc"),
        _ => new JsonArray(),
        _ => new JsonArray(null, null),
        _ => new JsonObject(),
        r => Deep(r.Next(50, 300)),
        r => new JsonArray([.. Enumerable.Range(0, r.Next(1_000, 20_000)).Select(i => (JsonNode?)JsonValue.Create(i))]),
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to three structural mutations of <paramref name="valid"/>, as UTF-8 bytes.</summary>
    public byte[] Next(string valid)
    {
        var root = JsonNode.Parse(valid)!;
        for (int m = _random.Next(1, 4); m > 0; m--)
        {
            root = Mutate(root);
        }

        var text = root?.ToJsonString() ?? "null";
        return _random.Next(8) == 0 ? Encoding.UTF8.GetBytes(DuplicateAKey(text)) : Encoding.UTF8.GetBytes(text);
    }

    private JsonNode? Mutate(JsonNode? root)
    {
        var containers = Containers(root).ToList();
        if (containers.Count == 0 || _random.Next(20) == 0)
        {
            return Value();
        }

        var target = containers[_random.Next(containers.Count)];
        if (target is JsonObject o)
        {
            var names = o.Select(p => p.Key).ToList();
            switch (_random.Next(3))
            {
                case 0 when names.Count > 0:
                    o.Remove(names[_random.Next(names.Count)]);
                    break;
                case 1:
                    o[$"unknown{_random.Next(3)}"] = Value();
                    break;
                default:
                    if (names.Count > 0)
                    {
                        o[names[_random.Next(names.Count)]] = Value();
                    }

                    break;
            }
        }
        else if (target is JsonArray a)
        {
            if (a.Count > 0 && _random.Next(2) == 0)
            {
                a[_random.Next(a.Count)] = Value();
            }
            else
            {
                a.Add(Value());
            }
        }

        return root;
    }

    private JsonNode? Value() => Values[_random.Next(Values.Length)](_random);

    private static IEnumerable<JsonNode> Containers(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var child in o.Select(p => p.Value).SelectMany(Containers))
            {
                yield return child;
            }
        }
        else if (node is JsonArray a)
        {
            yield return a;
            foreach (var child in a.Take(50).SelectMany(Containers))
            {
                yield return child;
            }
        }
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (int i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    /// <summary>The first member written twice, with another value: a parser that keeps the last one would read another body than a reviewer.</summary>
    private static string DuplicateAKey(string json)
    {
        int colon = json.IndexOf("\":", StringComparison.Ordinal);
        int start = json.IndexOf('"');
        return json.StartsWith('{') && colon > start && start >= 0 ? "{" + json[start..(colon + 2)] + "\"shadow\"," + json[1..] : json;
    }
}
