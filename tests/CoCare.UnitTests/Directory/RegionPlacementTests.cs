using CoCare.Directory.Domain.Rules;
using CoCare.Kernel;

namespace CoCare.UnitTests.Directory;

public class RegionPlacementTests
{
    [Fact]
    public void Village_HangsUnderItsTownship() =>
        Assert.Equal((RegionLevel.Village, "450226104000"), RegionPlacement.Place("450226104201"));

    [Fact]
    public void Province_HasNoParent() => Assert.Equal((RegionLevel.Province, (string?)null), RegionPlacement.Place("450000000000"));

    [Theory]
    [InlineData("4502")]
    [InlineData("45022610420X")]
    [InlineData("000000000001")]
    public void MalformedCode_IsRefusedOnTheCodeField(string code)
    {
        var error = Assert.Throws<DomainException>(() => RegionPlacement.Place(code));
        Assert.Equal(("Region.CodeMalformed", "code"), (error.Code, error.Field));
    }
}
