using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GateEdge.Common;

namespace GateEdge.Commands;

/// <summary>
/// Remembers the commands accepted (by a key: the SHA-256 of each signed body) by the time the
/// centre issued them, never by the gateway's own clock, so a clock stepped either way cannot make
/// it forget a command that could be carried out again. The newest <c>issuedAt</c> accepted is a
/// watermark: a command issued more than <see cref="_window"/> before it is refused as superseded,
/// and only such commands are forgotten. A freshness window of ±skew around the gateway's clock
/// spans 2 × skew, so two commands the same clock would both accept are never further apart than
/// that. With a file, the memory survives a restart: one line per command, "{issuedAt as unix ms}
/// {SHA-256 of the key}", appended and flushed before the command is acted on.
/// </summary>
internal sealed class ReplayGuard
{
    private const int CompactAfterLines = 1000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _window;
    private readonly string? _path;
    private DateTimeOffset _newest = DateTimeOffset.MinValue;
    private int _linesInFile;

    /// <param name="window">How far before the newest accepted command another may have been issued: twice the clock skew allowed.</param>
    public ReplayGuard(TimeSpan window, string? path = null)
    {
        _window = window;
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
                    var issued = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    _seen[parts[1]] = issued;
                    _newest = issued > _newest ? issued : _newest;
                    _linesInFile++;
                }
            }
        }
    }

    /// <summary>Whether the command with <paramref name="key"/>, issued at <paramref name="issuedAt"/>, may be carried out; if so it is remembered first.</summary>
    public ReplayVerdict FirstUse(string key, DateTimeOffset issuedAt)
    {
        if (_newest - issuedAt > _window)
        {
            return ReplayVerdict.Superseded;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (_seen.ContainsKey(digest))
        {
            return ReplayVerdict.Replayed;
        }

        _seen[digest] = issuedAt;
        if (issuedAt > _newest)
        {
            _newest = issuedAt;
            foreach (var (old, at) in _seen)
            {
                if (_newest - at > _window)
                {
                    _seen.Remove(old);
                }
            }
        }

        Persist(digest, issuedAt);
        return ReplayVerdict.First;
    }

    private void Persist(string digest, DateTimeOffset issuedAt)
    {
        if (_path is null)
        {
            return;
        }

        if (_linesInFile >= CompactAfterLines)
        {
            DurableFile.Replace(_path, Encoding.ASCII.GetBytes(string.Concat(_seen.Select(s => Line(s.Key, s.Value) + "\n"))));
            _linesInFile = _seen.Count;
            return;
        }

        using var file = new FileStream(_path, DurableFile.OwnerOnly(FileMode.Append, FileAccess.Write, FileOptions.WriteThrough));
        file.Write(Encoding.ASCII.GetBytes(Line(digest, issuedAt) + "\n"));
        file.Flush(flushToDisk: true);
        _linesInFile++;
    }

    private static string Line(string digest, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds()} {digest}");
}

internal enum ReplayVerdict
{
    First,
    Replayed,
    Superseded,
}
