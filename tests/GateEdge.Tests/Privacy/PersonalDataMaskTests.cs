using GateEdge.Devices.CardReaders;
using GateEdge.Privacy;

namespace GateEdge.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData(CredentialKind.NationalId, "11010519491231002X", "110105********002X")]
    [InlineData(CredentialKind.CompoundCard, "04A1B2C3D4E5F6", "**********E5F6")]
    [InlineData(CredentialKind.CompoundCard, "123/4567", "****4567")]
    [InlineData(CredentialKind.CompoundCard, "1/2", "***")]
    internal void Credentials_show_only_what_identifies_nobody_on_its_own(CredentialKind kind, string number, string shown) =>
        Assert.Equal(shown, PersonalDataMask.Credential(new Credential(kind, number)));

    [Fact]
    public void Names_keep_the_family_name_only() => Assert.Equal("张*", PersonalDataMask.Name("张三"));
}
