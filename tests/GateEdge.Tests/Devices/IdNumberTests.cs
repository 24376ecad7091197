using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Privacy;

namespace GateEdge.Tests.Devices;

public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("440304198506120035", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231003X", false)]
    [InlineData("1101051949123100X", false)]
    [InlineData("A1010519491231002X", false)]
    [InlineData("", false)]
    public void Checks_the_GB_11643_check_character(string id, bool valid) => Assert.Equal(valid, IdNumber.IsValid(id));

    [Fact]
    public void Every_single_digit_change_fails_the_check()
    {
        const string id = "11010519491231002X";
        for (int i = 0; i < 17; i++)
        {
            for (char d = '0'; d <= '9'; d++)
            {
                if (d != id[i])
                {
                    Assert.False(IdNumber.IsValid(string.Concat(id.AsSpan(0, i), d.ToString(), id.AsSpan(i + 1))));
                }
            }
        }
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("14008EC793", "******C793")]
    [InlineData("123", "***")]
    public void Masks_numbers_for_display(string number, string masked) => Assert.Equal(masked, PersonalDataMask.Number(number));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "李*")]
    [InlineData(null, null)]
    public void Masks_names_for_display(string? name, string? masked) => Assert.Equal(masked, PersonalDataMask.Name(name));
}
