using System.Text;
using System.Text.Json;
using GateEdge.Events;

namespace GateEdge.Tests.Events;

public sealed class ReplayedFlagTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_flag_is_the_last_field_and_everything_stored_is_sent_unchanged(bool replayed)
    {
        var stored = JsonSerializer.SerializeToUtf8Bytes(new { schema = "gateedge.passage/2", seq = 7, person = new { name = "张*" }, reasons = new[] { "36.6 °C" }, guard = (string?)null });

        var sent = ReplayedFlag.Add(stored, replayed);

        string text = Encoding.UTF8.GetString(sent);
        Assert.Equal(Encoding.UTF8.GetString(stored)[..^1] + $",\"replayed\":{(replayed ? "true" : "false")}}}", text);
        Assert.Equal(replayed, JsonDocument.Parse(sent).RootElement.GetProperty("replayed").GetBoolean());
    }

    [Fact]
    public void An_empty_object_gets_the_flag_alone()
    {
        Assert.Equal("{\"replayed\":true}", Encoding.UTF8.GetString(ReplayedFlag.Add("{}\n"u8, replayed: true)));
    }

    [Fact]
    public void What_is_not_a_JSON_object_is_refused_not_mangled()
    {
        Assert.Throws<FormatException>(() => ReplayedFlag.Add("[1,2]"u8, replayed: false));
        Assert.Throws<FormatException>(() => ReplayedFlag.Add(""u8, replayed: false));
    }

    [Fact]
    public void What_only_ends_like_an_object_is_refused_too()
    {
        Assert.Throws<FormatException>(() => ReplayedFlag.Add("\"seq\":1}"u8, replayed: true));
    }
}
