namespace GateEdge.SystemTests.Support;

/// <summary>
/// libfaketime preloaded into the gateway process only: its wall clock follows the offset written
/// to a file (re-read every second), while its monotonic clock keeps running true, as when NTP or a
/// technician steps a real box's clock.
/// </summary>
internal sealed class FakeClock(string file)
{
    public static FakeClock In(string dir)
    {
        var clock = new FakeClock(Path.Combine(dir, "faketime"));
        clock.Set("+0");
        return clock;
    }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = Library(),
        ["FAKETIME_TIMESTAMP_FILE"] = file,
        ["FAKETIME_CACHE_DURATION"] = "1",
        ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
        ["DONT_FAKE_MONOTONIC"] = "1",
    };

    /// <summary>
    /// An offset in libfaketime's words: "-1h", "+30m". Written beside and renamed into place: the
    /// gateway re-reads the file every second, and a read between truncating and writing it finds
    /// nothing to parse, which libfaketime answers by ending the process.
    /// </summary>
    public void Set(string offset)
    {
        File.WriteAllText(file + ".next", offset + "\n");
        File.Move(file + ".next", file, overwrite: true);
    }

    private static string Library() =>
        Directory.EnumerateDirectories("/usr/lib").Select(d => Path.Combine(d, "faketime", "libfaketime.so.1")).FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException("libfaketime is missing: apt-get install faketime (scripts/test.sh does)");
}
