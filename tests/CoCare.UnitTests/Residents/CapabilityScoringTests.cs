using CoCare.Residents.Domain;

namespace CoCare.UnitTests.Residents;

public class CapabilityScoringTests
{
    private static readonly CapabilityConditions None = new(false, false, false, 0);

    /// <summary>Item scores that add up to <paramref name="total"/>, filling items to their maximum in order.</summary>
    private static Dictionary<string, int> ScoresTotalling(int total)
    {
        var scores = new Dictionary<string, int>();
        foreach (var item in CapabilityScoring.Items)
        {
            var score = Math.Min(item.Max, total);
            scores[item.Code] = score;
            total -= score;
        }

        return scores;
    }

    [Fact]
    public void TheStandard_Has26ItemsWorth90()
    {
        Assert.Equal(26, CapabilityScoring.Items.Count);
        Assert.Equal(90, CapabilityScoring.Items.Sum(i => i.Max));
        Assert.Equal([32, 15, 28, 15], CapabilityScoring.Items.GroupBy(i => i.Group).Select(g => g.Sum(i => i.Max)));
    }

    [Theory]
    [InlineData(0, CapabilityLevel.Total)]
    [InlineData(29, CapabilityLevel.Total)]
    [InlineData(30, CapabilityLevel.Severe)]
    [InlineData(45, CapabilityLevel.Severe)]
    [InlineData(46, CapabilityLevel.Moderate)]
    [InlineData(65, CapabilityLevel.Moderate)]
    [InlineData(66, CapabilityLevel.Mild)]
    [InlineData(89, CapabilityLevel.Mild)]
    [InlineData(90, CapabilityLevel.Intact)]
    public void LevelFollowsTheTable_AtEveryBoundary(int total, CapabilityLevel level)
    {
        var result = CapabilityScoring.Score(ScoresTotalling(total), None);
        Assert.Equal((total, level, level), (result.Total, result.LevelFromTotal, result.Level));
    }

    [Fact]
    public void Subtotals_AreKeptPerFirstLevelIndicator()
    {
        var result = CapabilityScoring.Score(ScoresTotalling(40), None);
        Assert.Equal(32, result.Subtotals[CapabilityGroup.SelfCare]);
        Assert.Equal(8, result.Subtotals[CapabilityGroup.Mobility]);
        Assert.Equal(0, result.Subtotals[CapabilityGroup.PerceptionAndSocial]);
    }

    [Fact]
    public void Coma_MeansTotalLoss_WhateverTheScore()
    {
        var result = CapabilityScoring.Score(ScoresTotalling(90), new CapabilityConditions(true, false, false, 0));
        Assert.Equal((CapabilityLevel.Intact, CapabilityLevel.Total, "coma"), (result.LevelFromTotal, result.Level, result.Adjustment));
    }

    [Theory]
    [InlineData(true, false, 0, "dementia")]
    [InlineData(false, true, 0, "psychiatric")]
    [InlineData(false, false, 2, "careRiskEvents")]
    public void EachCondition_RaisesTheLevelOneStep(bool dementia, bool psychiatric, int events, string reason)
    {
        var result = CapabilityScoring.Score(ScoresTotalling(70), new CapabilityConditions(false, dementia, psychiatric, events));
        Assert.Equal((CapabilityLevel.Mild, CapabilityLevel.Moderate, reason), (result.LevelFromTotal, result.Level, result.Adjustment));
    }

    [Fact]
    public void OneCareRiskEvent_DoesNotRaise() =>
        Assert.Equal(CapabilityLevel.Mild, CapabilityScoring.Score(ScoresTotalling(70), new CapabilityConditions(false, false, false, 1)).Level);

    [Fact]
    public void SeveralConditions_StillRaiseOnlyOneStep() =>
        Assert.Equal(CapabilityLevel.Moderate, CapabilityScoring.Score(ScoresTotalling(70), new CapabilityConditions(false, true, true, 5)).Level);

    [Fact]
    public void TheRaise_NeverGoesPastTotalLoss() =>
        Assert.Equal(CapabilityLevel.Total, CapabilityScoring.Score(ScoresTotalling(10), new CapabilityConditions(false, true, false, 0)).Level);

    [Fact]
    public void IntactWithDementia_BecomesMild() =>
        Assert.Equal(CapabilityLevel.Mild, CapabilityScoring.Score(ScoresTotalling(90), new CapabilityConditions(false, true, false, 0)).Level);

    [Fact]
    public void MissingOutOfRangeAndUnknownItems_AreEachReported()
    {
        var scores = ScoresTotalling(50);
        scores.Remove("memory");
        scores["stairs"] = 4;
        scores["dancing"] = 2;
        var problems = CapabilityScoring.Check(scores).ToList();
        Assert.Contains(problems, p => p.Field == "scores.memory" && p.Code == "Assessment.ItemMissing");
        Assert.Contains(problems, p => p.Field == "scores.stairs" && p.Code == "Assessment.ItemOutOfRange");
        Assert.Contains(problems, p => p.Field == "scores.dancing" && p.Code == "Assessment.ItemUnknown");
        Assert.Throws<ArgumentException>(() => CapabilityScoring.Score(scores, None));
    }
}
