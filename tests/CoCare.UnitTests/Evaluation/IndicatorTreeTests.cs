using CoCare.Evaluation.Domain;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Kernel;

namespace CoCare.UnitTests.Evaluation;

public class IndicatorTreeTests
{
    private static Indicator Satisfaction(ScoringMethod method = ScoringMethod.Linear) => new("E31", "E3", "服务对象满意度", "Satisfaction", 10, method, "satisfactionRate", 0.9, 0.7);

    [Fact]
    public void TheDefaultTemplate_IsAValidTree_WithTheFourFirstLevelsOfTheFinanceFramework()
    {
        IndicatorTree.Validate(DefaultTemplate.Indicators);
        Assert.Equal(["决策", "过程", "产出", "效益"], DefaultTemplate.Indicators.Where(i => i.Parent is null).Select(i => i.NameZh));
        Assert.Equal(100m, IndicatorTree.Leaves(DefaultTemplate.Indicators).Sum(l => l.MaxScore));
    }

    [Theory]
    [InlineData(0.95, 10)]
    [InlineData(0.90, 10)]
    [InlineData(0.80, 5)]
    [InlineData(0.85, 7.5)]
    [InlineData(0.70, 0)]
    [InlineData(0.50, 0)]
    public void ALinearFormula_GivesFullMarksAtTheTop_NoneAtTheBottom_AndProRataBetween(double rate, decimal expected) =>
        Assert.Equal(expected, IndicatorTree.FormulaScore(Satisfaction(), rate));

    [Theory]
    [InlineData(24, 5)]
    [InlineData(12, 5)]
    [InlineData(30, 2.5)]
    [InlineData(48, 0)]
    public void WhereLowerIsBetter_TheFormulaRunsTheOtherWay(double hours, decimal expected) =>
        Assert.Equal(expected, IndicatorTree.FormulaScore(new Indicator("X", null, "响应时长", "Response", 5, ScoringMethod.Linear, "complaintResponseMedianHours", 24, 36), hours));

    [Theory]
    [InlineData(0.9, 10)]
    [InlineData(0.8999, 0)]
    public void AThreshold_IsAllOrNothing(double rate, decimal expected) =>
        Assert.Equal(expected, IndicatorTree.FormulaScore(Satisfaction(ScoringMethod.Threshold), rate));

    [Theory]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(79.99, Grade.Fair)]
    [InlineData(60, Grade.Fair)]
    [InlineData(59.99, Grade.Poor)]
    public void Grades_FollowTheBands(decimal total, Grade grade) => Assert.Equal(grade, IndicatorTree.GradeOf(total));

    [Fact]
    public void WeightsThatDoNotAddUp_AreRefused_NamingTheParentAndTheSums()
    {
        var wrong = new[] { new Indicator("A", null, "产出", "Output", 60), new Indicator("A1", "A", "数量", "Quantity", 50), new Indicator("B", null, "效益", "Effect", 40) };
        var e = Assert.Throws<DomainException>(() => IndicatorTree.Validate(wrong));
        Assert.Equal("Indicator.Weights", e.Code);
        Assert.Equal(["产出", 50m, 60m], e.Arguments);

        var top = new[] { new Indicator("A", null, "产出", "Output", 60) };
        Assert.Equal("Indicator.Weights", Assert.Throws<DomainException>(() => IndicatorTree.Validate(top)).Code);
    }

    [Fact]
    public void UnknownParents_DeepTrees_RepeatedCodes_AndIncompleteFormulas_AreRefused()
    {
        Assert.Equal("Indicator.Parent", Assert.Throws<DomainException>(() => IndicatorTree.Validate([new Indicator("A", "Z", "甲", "A", 100)])).Code);
        Assert.Equal("Indicator.Parent", Assert.Throws<DomainException>(() => IndicatorTree.Validate(
            [new("A", null, "甲", "A", 100), new("B", "A", "乙", "B", 100), new("C", "B", "丙", "C", 100), new("D", "C", "丁", "D", 100)])).Code);
        Assert.Equal("Indicator.Code", Assert.Throws<DomainException>(() => IndicatorTree.Validate([new("A", null, "甲", "A", 50), new("A", null, "乙", "B", 50)])).Code);
        Assert.Equal("Indicator.Formula", Assert.Throws<DomainException>(() => IndicatorTree.Validate(
            [new("A", null, "甲", "A", 100, ScoringMethod.Linear, "noSuchKpi", 1, 0)])).Code);
        Assert.Equal("Indicator.Formula", Assert.Throws<DomainException>(() => IndicatorTree.Validate(
            [new("A", null, "甲", "A", 100, ScoringMethod.Linear, "satisfactionRate", 0.9, null)])).Code);
        IndicatorTree.Validate([new("A", null, "甲", "A", 100, ScoringMethod.Linear, "completion:meals", 1, 0.6)]);
    }
}
