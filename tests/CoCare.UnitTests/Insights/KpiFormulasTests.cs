using CoCare.Insights.Domain;
using CoCare.Kernel;

namespace CoCare.UnitTests.Insights;

public class KpiFormulasTests
{
    [Fact]
    public void Coverage_CountsVillagesWithAtLeastOneFacility_OverAllVillages()
    {
        var facilities = new Dictionary<string, long> { ["v1"] = 2, ["v2"] = 0, ["elsewhere"] = 5 };
        Assert.Equal(0.3333, KpiFormulas.Coverage(["v1", "v2", "v3"], facilities));
        Assert.Equal(1, KpiFormulas.Coverage(["v1"], facilities));
        Assert.Null(KpiFormulas.Coverage([], facilities));
    }

    [Fact]
    public void UrbanRuralGap_IsPlacesPerThousandEldersUrbanOverRural_AndNullWithoutABasis()
    {
        Assert.Equal(3.2, KpiFormulas.UrbanRuralGap(1_680, 1_000, 840, 1_600));
        Assert.Equal(1, KpiFormulas.UrbanRuralGap(10, 100, 10, 100));
        Assert.Null(KpiFormulas.UrbanRuralGap(10, 0, 10, 100));
        Assert.Null(KpiFormulas.UrbanRuralGap(10, 100, 0, 100));
        Assert.Null(KpiFormulas.UrbanRuralGap(10, 100, 10, 0));
    }

    [Fact]
    public void ByKind_SumsUrbanAndRuralRegions_AndLeavesOutRegionsOutsideTheTree()
    {
        var counts = new Dictionary<string, long> { ["u1"] = 3, ["u2"] = 4, ["r1"] = 5, ["unknown"] = 100 };
        var urban = new Dictionary<string, bool> { ["u1"] = true, ["u2"] = true, ["r1"] = false };
        Assert.Equal((7L, 5L), KpiFormulas.ByKind(counts, urban));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(10_328, false)]
    public void Suppression_HidesCountsOfOneToFour(long count, bool hidden) => Assert.Equal(hidden, Suppression.Hides(count));

    [Fact]
    public void APeriod_DefaultsToSinceRecordsBeganUntilToday_AndMayNotEndBeforeItStarts()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Equal(new Period(Period.Beginning, today), Period.Of(null, null, today));
        Assert.Equal(new Period(today, today), Period.Of(today, today, today));
        var e = Assert.Throws<DomainException>(() => Period.Of(today, today.AddDays(-1), today));
        Assert.Equal("Insights.Period", e.Code);
    }

    [Theory]
    [InlineData("杨示例001", "杨***1")]
    [InlineData("王芳", "王*")]
    [InlineData("李", "李*")]
    [InlineData("欧阳建国", "欧**国")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_KeepTheFirstAndLastCharacter(string? name, string masked) => Assert.Equal(masked, Masking.Name(name));
}
