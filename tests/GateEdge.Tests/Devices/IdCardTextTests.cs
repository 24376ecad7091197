using System.Text;
using GateEdge.Devices.CardReaders.IdCard.Protocol;

namespace GateEdge.Tests.Devices;

public sealed class IdCardTextTests
{
    [Fact]
    public void Decodes_every_field_of_the_text_block()
    {
        var identity = IdCardText.Decode(TextBlock("张三", "11010519491231002X"));

        Assert.Equal(IdCardKind.Resident, identity.Kind);
        Assert.Equal("张三", identity.Name);
        Assert.Equal("1", identity.Sex);
        Assert.Equal("01", identity.Nation);
        Assert.Equal("19491231", identity.BirthDate);
        Assert.Equal("北京市东城区", identity.Address);
        Assert.Equal("11010519491231002X", identity.IdNumber);
        Assert.Equal("北京市公安局东城分局", identity.IssuingAuthority);
        Assert.Equal("20100101", identity.ValidFrom);
        Assert.Equal("长期", identity.ValidTo);
    }

    [Fact]
    public void Recognises_a_foreign_permanent_resident_card_by_the_I_at_offset_248()
    {
        var text = TextBlock("ZHANG SAN", "USA110019800101");
        text[248] = 0x49;
        text[249] = 0x00;

        var identity = IdCardText.Decode(text);

        Assert.Equal(IdCardKind.ForeignPermanentResident, identity.Kind);
    }

    [Fact]
    public void Splits_a_read_reply_into_blocks_and_rejects_inconsistent_lengths()
    {
        var reply = SamResponseDecoderTests.GoldenReadReply();
        var data = reply[10..^1];

        Assert.True(IdCardReadReply.TryParse(data, withFingerprint: false, out var identity));
        Assert.Equal("11010519491231002X", identity!.IdNumber);
        Assert.False(IdCardReadReply.TryParse(data[..^1], withFingerprint: false, out _));
        Assert.False(IdCardReadReply.TryParse(data, withFingerprint: true, out _));
    }

    /// <summary>A text block laid out by hand from the table in docs/protocols.md §1.</summary>
    internal static byte[] TextBlock(string name, string idNumber)
    {
        var text = new byte[256];
        for (int i = 0; i < text.Length; i += 2)
        {
            text[i] = 0x20;
        }

        void Put(int offset, string value) => Encoding.Unicode.GetBytes(value).CopyTo(text, offset);
        Put(0, name);
        Put(30, "1");
        Put(32, "01");
        Put(36, "19491231");
        Put(52, "北京市东城区");
        Put(122, idNumber);
        Put(158, "北京市公安局东城分局");
        Put(188, "20100101");
        Put(204, "长期");
        return text;
    }
}
