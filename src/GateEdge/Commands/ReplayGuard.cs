using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GateEdge.Commands;

/// <summary>
/// Remembers the commands accepted (by a key: the SHA-256 of each signed body) for as long as a
/// command could still be accepted, so none is carried out twice. With a file, the memory survives
/// a restart: otherwise a command captured on the wire could be replayed in the seconds after the
/// gateway comes back (a config push restarts it). The file holds one line per command,
/// "{unix ms} {SHA-256 of the key}", appended and flushed before the command is acted on.
/// </summary>
internal sealed class ReplayGuard
{
    private const int CompactAfterLines = 1000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _memory;
    private readonly string? _path;
    private int _linesInFile;

    public ReplayGuard(TimeSpan memory, string? path = null)
    {
        _memory = memory;
        _path = path;
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        if (path is not null && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
                {
                    _seen[parts[1]] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    _linesInFile++;
                }
            }
        }
    }

    public bool FirstUse(string key, DateTimeOffset now)
    {
        foreach (var (old, at) in _seen)
        {
            if (now - at > _memory)
            {
                _seen.Remove(old);
            }
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (!_seen.TryAdd(digest, now))
        {
            return false;
        }

        Persist(digest, now);
        return true;
    }

    private void Persist(string digest, DateTimeOffset now)
    {
        if (_path is null)
        {
            return;
        }

        if (_linesInFile >= CompactAfterLines)
        {
            Journal.DurableFile.Replace(_path, Encoding.ASCII.GetBytes(string.Concat(_seen.Select(s => Line(s.Key, s.Value) + "\n"))));
            _linesInFile = _seen.Count;
            return;
        }

        using var file = new FileStream(_path, Journal.DurableFile.OwnerOnly(FileMode.Append, FileAccess.Write, FileOptions.WriteThrough));
        file.Write(Encoding.ASCII.GetBytes(Line(digest, now) + "\n"));
        file.Flush(flushToDisk: true);
        _linesInFile++;
    }

    private static string Line(string digest, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds()} {digest}");
}
