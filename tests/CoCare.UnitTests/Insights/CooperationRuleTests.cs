using CoCare.Insights.Domain;

namespace CoCare.UnitTests.Insights;

public class CooperationRuleTests
{
    private static readonly PartnershipIndicators Institutional = new(3, 12, 4, 0.2, 0.9, 0.95, 3);

    [Fact]
    public void APartnershipMeetingEveryCondition_IsInstitutional()
    {
        var (stage, unmet) = CooperationRule.Of(Institutional);
        Assert.Equal(CooperationStage.Institutional, stage);
        Assert.Empty(unmet);
    }

    [Theory]
    [InlineData("consecutiveContracts")]
    [InlineData("kpiAttainment")]
    [InlineData("trainingsAndSharing")]
    [InlineData("complaintsOnTime")]
    [InlineData("otherPartners")]
    public void MissingAnyOneCondition_FallsBackToInterdependent_AndNamesWhatIsMissing(string missing)
    {
        var p = missing switch
        {
            "consecutiveContracts" => Institutional with { ConsecutiveContracts = 2 },
            "kpiAttainment" => Institutional with { KpiAttainment = 0.79 },
            "trainingsAndSharing" => Institutional with { TrainingsAndSharing = 1 },
            "complaintsOnTime" => Institutional with { ComplaintsOnTime = null },
            _ => Institutional with { OtherPartners = 1 },
        };
        var (stage, unmet) = CooperationRule.Of(p);
        Assert.Equal(CooperationStage.Interdependent, stage);
        Assert.Equal([missing], unmet);
    }

    [Fact]
    public void OneContract_IsContractual_UnlessJointWorkAndResourcesMakeItInterdependent()
    {
        var first = new PartnershipIndicators(1, 3, 0, 0.5, null, null, 0);
        Assert.Equal(CooperationStage.Contractual, CooperationRule.Of(first).Stage);
        Assert.Equal(CooperationStage.Contractual, CooperationRule.Of(first with { JointInteractions = 4, ResourceShare = 0.09 }).Stage);
        Assert.Equal(CooperationStage.Interdependent, CooperationRule.Of(first with { JointInteractions = 4, ResourceShare = 0.1 }).Stage);
        Assert.Equal(CooperationStage.Interdependent, CooperationRule.Of(first with { ConsecutiveContracts = 2 }).Stage);
    }

    [Fact]
    public void ConsecutiveContracts_CountTheLatestChain_BrokenByAGapOfMoreThan90Days()
    {
        var d = new DateOnly(2020, 1, 1);
        (DateOnly, DateOnly)[] contracts = [(d, d.AddDays(364)), (d.AddDays(364 + 90), d.AddDays(800)), (d.AddDays(890), d.AddDays(1200)), (d.AddDays(2000), d.AddDays(2300))];
        Assert.Equal(3, CooperationRule.ConsecutiveContracts(contracts, d.AddDays(1500)));
        Assert.Equal(1, CooperationRule.ConsecutiveContracts(contracts, d.AddDays(2100)));
        Assert.Equal(0, CooperationRule.ConsecutiveContracts(contracts, d.AddDays(-1)));
        Assert.Equal(2, CooperationRule.ConsecutiveContracts(contracts, d.AddDays(455)));
    }
}
