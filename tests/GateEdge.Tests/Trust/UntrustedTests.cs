using GateEdge.Trust;

namespace GateEdge.Tests.Trust;

/// <summary>Text from outside cannot start, forge or reorder a log line.</summary>
public sealed class UntrustedTests
{
    [Theory]
    [InlineData("lane1\n[08:00:00 INF] gate opened", "lane1\\u000a[08:00:00 INF] gate opened")]
    [InlineData("a\u0085b", "a\\u0085b")]
    [InlineData("a\u2028b\u2029c", "a\\u2028b\\u2029c")]
    [InlineData("gw-7\u202Enepo", "gw-7\\u202enepo")]
    [InlineData("x\u2066y\u2069z\u200Fw", "x\\u2066y\\u2069z\\u200fw")]
    [InlineData("张三 lane1", "张三 lane1")]
    public void Control_separator_and_bidi_characters_are_written_as_escapes(string value, string logged) =>
        Assert.Equal(logged, Untrusted.ForLog(value));

    [Fact]
    public void A_long_value_is_cut_and_says_so() => Assert.Equal("abc…", Untrusted.ForLog("abcdef", 3));
}
