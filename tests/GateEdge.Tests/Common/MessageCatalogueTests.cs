using System.Text.RegularExpressions;
using GateEdge.Common.Messages;

namespace GateEdge.Tests.Common;

/// <summary>
/// The message catalogue: every id once, said in English and in Chinese, with the same
/// placeholders in both, so no language ever prints a hole or a stray "{name}".
/// </summary>
public sealed partial class MessageCatalogueTests
{
    public static TheoryData<string> Ids() => [.. Catalogue.All.Select(m => m.Id)];

    [Fact]
    public void Every_id_is_defined_once() =>
        Assert.Empty(Catalogue.All.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => g.Key));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_message_is_in_both_languages_with_the_same_placeholders(string id)
    {
        var message = Catalogue.All.Single(m => m.Id == id);
        string english = message.Template(Language.English);
        string chinese = message.Template(Language.Chinese);

        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.NotEqual(english, chinese);
        Assert.Equal(Message.Placeholders(english).Order(), Message.Placeholders(chinese).Order());
        Assert.DoesNotMatch(Han(), english);
        Assert.True(Han().IsMatch(chinese) || chinese.Any(c => c is >= '\u3000' and <= '\uFFEF'), $"{id}: '{chinese}' has no Chinese in it");
    }

    [Fact]
    public void Every_reason_code_the_rules_give_is_said_in_the_words_of_a_guard() =>
        Assert.DoesNotContain(Enum.GetValues<GateEdge.Rules.ReasonCode>().Select(GateEdge.Events.Wire.Of), code => ReasonMessages.ForCode(code) is null);

    [Fact]
    public void Values_fill_placeholders_once_even_when_they_hold_braces_and_nested_messages_follow_the_language()
    {
        var said = SettingMessages.NoReaderNamed.Say(("name", "{known}"), ("known", ConfigMessages.None.Say()));

        Assert.Equal("no card reader is named '{known}' (known: none)", said.In(Language.English));
        Assert.Equal("没有名为 '{known}' 的读卡器（已配置：无）", said.In(Language.Chinese));
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", null, null, true)]
    [InlineData(null, null, "zh_TW.UTF-8", true)]
    [InlineData("C.UTF-8", null, "zh_CN.UTF-8", false)]
    [InlineData(null, "zh_CN.UTF-8", "en_US.UTF-8", true)]
    [InlineData(null, null, "de_DE.UTF-8", false)]
    [InlineData(null, null, null, false)]
    public void The_first_locale_variable_set_decides_as_gettext_reads_them(string? all, string? messages, string? lang, bool chinese)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = all, ["LC_MESSAGES"] = messages, ["LANG"] = lang };

        Assert.Equal(chinese ? Language.Chinese : Language.English, Languages.FromEnvironment(name => environment[name]));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
