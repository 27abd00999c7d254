using CoCare.Kernel;

namespace CoCare.UnitTests.Kernel;

public class RegionCodeTests
{
    [Theory]
    [InlineData("450000000000", RegionLevel.Province)]
    [InlineData("450200000000", RegionLevel.City)]
    [InlineData("450226000000", RegionLevel.County)]
    [InlineData("450226104000", RegionLevel.Township)]
    [InlineData("450226104201", RegionLevel.Village)]
    public void LevelOf_ReadsTheLevelFromTrailingZeros(string code, RegionLevel level) =>
        Assert.Equal(level, RegionCode.LevelOf(code));

    [Theory]
    [InlineData("45022610420")]
    [InlineData("4502261042011")]
    [InlineData("45022610420a")]
    [InlineData("000000000000")]
    [InlineData("001200000000")]
    [InlineData("")]
    public void LevelOf_RefusesMalformedCodes(string code) => Assert.Null(RegionCode.LevelOf(code));

    [Fact]
    public void ParentCode_IsThePrefixPaddedWithZeros() =>
        Assert.Equal("450226104000", RegionCode.ParentCode("450226104201", RegionLevel.Township));

    [Theory]
    [InlineData("450226104201", "450226000000", true)]
    [InlineData("450226104201", "450000000000", true)]
    [InlineData("450226104201", "450226104201", true)]
    [InlineData("450226104201", "450227000000", false)]
    [InlineData("450200000000", "450226000000", false)]
    public void IsWithin_MatchesTheSubtreeOfTheAncestor(string code, string ancestor, bool within) =>
        Assert.Equal(within, RegionCode.IsWithin(code, ancestor));

    [Fact]
    public void Prefixes_AreTheSignificantDigitsOfEachScope() =>
        Assert.Equal(["450226", "450226104201"], RegionCode.Prefixes(["450226000000", "450226104201", "450226000000"]));

    [Fact]
    public void AnActor_CoversItsScopeRegionsSubtrees()
    {
        var actor = new CurrentActor();
        using var _ = actor.ActAs(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(CoCareClaims.ScopeRegion, "450226104000")], "test")));
        Assert.True(actor.Covers("450226104201"));
        Assert.False(actor.Covers("450226105201"));
        Assert.Equal(["450226104"], actor.ScopePrefixes);
    }

    [Theory]
    [InlineData("450226104201", "450226104201")]
    [InlineData("450226104201,450226104202", "450226104000")]
    [InlineData("450226104201,450226105201", "450226000000")]
    [InlineData("450226104201,450226000000", "450226000000")]
    [InlineData("450226104201,460000000000", null)]
    public void CommonAncestor_IsTheSmallestRegionHoldingAll(string codes, string? expected) =>
        Assert.Equal(expected, RegionCode.CommonAncestor(codes.Split(',')));

    [Theory]
    [InlineData("450226104201", "450000000000,450200000000,450226000000,450226104000")]
    [InlineData("450226000000", "450000000000,450200000000")]
    [InlineData("450000000000", "")]
    [InlineData("bogus", "")]
    public void Ancestors_AreTheRegionsAbove(string code, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), RegionCode.Ancestors(code));
}
