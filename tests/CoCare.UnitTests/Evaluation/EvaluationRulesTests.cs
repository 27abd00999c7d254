using CoCare.Evaluation.Domain;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Kernel;

namespace CoCare.UnitTests.Evaluation;

public class EvaluationRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static PhaseFacts AfterEvaluation(int full = 80, int zero = 60) => new(2, "中期", 3_000, true, 1, full, zero);

    [Theory]
    [InlineData(95, 3_000_000)]
    [InlineData(80, 3_000_000)]
    [InlineData(79.99, 2_998_500)]
    [InlineData(70, 1_500_000)]
    [InlineData(60, 0)]
    [InlineData(59.99, 0)]
    public void APhaseAfterAnEvaluation_PaysItsShareByTheScore_FullAtTheTop_NoneBelowTheBottom(decimal score, long expected) =>
        Assert.Equal(expected, PaymentRule.Payable(10_000_000, AfterEvaluation(), score));

    [Fact]
    public void APhaseOnSigning_PaysItsWholeShare_AndRoundingNeverOverpays()
    {
        Assert.Equal(3_000_000, PaymentRule.Payable(10_000_000, new PhaseFacts(1, "签约", 3_000, false, null, 80, 60), null));
        Assert.Equal(333, PaymentRule.Payable(1_000, new PhaseFacts(1, "签约", 3_333, false, null, 80, 60), null));
        Assert.Equal(1_499_998, PaymentRule.Payable(10_000_000, AfterEvaluation(), 69.99999m)); // 1,499,998.5 rounded down
    }

    [Theory]
    [InlineData(3_000_000, 3_000_000, "met")]
    [InlineData(1_500_000, 3_000_000, "partiallyMet")]
    [InlineData(0, 3_000_000, "notMet")]
    public void APaidPhase_IsAMilestoneMetInFullInPartOrNot(long paid, long share, string status) => Assert.Equal(status, PaymentRule.MilestoneStatus(paid, share));

    private static PerformanceEvaluation Frozen(int appealDays = 5)
    {
        var e = new PerformanceEvaluation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "中期评估", DefaultTemplate.Id, Today, appealDays, "p", Now);
        e.Freeze(new Evidence(Today.AddDays(-100), Today, Now, new Dictionary<string, double?>(), [], 0, 1, [], 0, 0, 0), []);
        return e;
    }

    private static void ScoreAll(PerformanceEvaluation e, decimal share)
    {
        foreach (var leaf in IndicatorTree.Leaves(DefaultTemplate.Indicators))
        {
            e.Score(leaf, leaf.MaxScore * share, "ok", "evaluator", Now);
        }
    }

    [Fact]
    public void Scores_AboveTheLeafsMaximum_OrWithoutAComment_AreRefused_AndSubmittingNeedsEveryLeaf()
    {
        var e = Frozen();
        var leaf = IndicatorTree.Leaves(DefaultTemplate.Indicators)[0];
        Assert.Equal("Evaluation.ScoreRange", Assert.Throws<DomainException>(() => e.Score(leaf, leaf.MaxScore + 0.01m, "ok", "x", Now)).Code);
        Assert.Equal("Evaluation.ScoreRange", Assert.Throws<DomainException>(() => e.Score(leaf, -1, "ok", "x", Now)).Code);
        Assert.Equal("Evaluation.Comment", Assert.Throws<DomainException>(() => e.Score(leaf, 1, "  ", "x", Now)).Code);
        e.Score(leaf, leaf.MaxScore, "ok", "x", Now);
        var unscored = Assert.Throws<DomainException>(() => e.Submit(DefaultTemplate.Indicators, Now, Today));
        Assert.Equal("Evaluation.Unscored", unscored.Code);
        Assert.Equal(EvaluationStatus.EvidenceFrozen, e.Status);
    }

    [Fact]
    public void ASubmittedEvaluation_IsLocked_AndTheAppealClosesAfterItsDays()
    {
        var e = Frozen(appealDays: 5);
        ScoreAll(e, 0.85m);
        e.Submit(DefaultTemplate.Indicators, Now, Today);
        Assert.Equal((85m, Grade.Good), (e.Total, e.Grade));
        var leaf = IndicatorTree.Leaves(DefaultTemplate.Indicators)[0];
        Assert.Equal("Evaluation.Locked", Assert.Throws<DomainException>(() => e.Score(leaf, 1, "改", "x", Now)).Code);
        Assert.Equal("Evaluation.AppealWindowOpen", Assert.Throws<DomainException>(() => e.Confirm("p", Now, Today.AddDays(5))).Code);
        Assert.Equal("Evaluation.AppealClosed", Assert.Throws<DomainException>(() => e.Dispute("晚了", Now, Today.AddDays(6))).Code);
        e.Confirm("p", Now, Today.AddDays(6));
        Assert.Equal(EvaluationStatus.Confirmed, e.Status);
    }

    [Fact]
    public void AnAppeal_LetsTheEvaluatorRescore_AndTheAnswerCountsTheTotalAgain()
    {
        var e = Frozen();
        ScoreAll(e, 0.5m);
        e.Submit(DefaultTemplate.Indicators, Now, Today);
        Assert.Equal(Grade.Poor, e.Grade);
        e.Dispute("满意度抽样偏少", Now, Today.AddDays(2));
        ScoreAll(e, 0.7m);
        e.Answer("已复核并调整", DefaultTemplate.Indicators);
        Assert.Equal((70m, Grade.Fair, EvaluationStatus.Submitted), (e.Total, e.Grade, e.Status));
        e.Confirm("p", Now, Today.AddDays(2));
    }

    [Fact]
    public void APaymentIsRecordedOnce_TheSameTransferAgainChangesNothing_ADifferentOneIsRefused()
    {
        var p = new Payment(Guid.NewGuid(), 2, "中期", null, 85m, 3_000_000, 3_000_000, "p", Now);
        Assert.True(p.RecordPaid(Today, "GK-1", "p", Now, Today));
        Assert.False(p.RecordPaid(Today, "GK-1", "p", Now, Today));
        Assert.Equal("Payment.AlreadyPaid", Assert.Throws<DomainException>(() => p.RecordPaid(Today, "GK-2", "p", Now, Today)).Code);
        Assert.Equal("Payment.Date", Assert.Throws<DomainException>(() => new Payment(Guid.NewGuid(), 1, "x", null, null, 1, 1, "p", Now).RecordPaid(Today.AddDays(1), "R", "p", Now, Today)).Code);
    }
}
