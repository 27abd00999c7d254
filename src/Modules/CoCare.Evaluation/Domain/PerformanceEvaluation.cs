using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

public enum EvaluationStatus
{
    Commissioned,
    EvidenceFrozen,
    Submitted,
    Appealed,
    Confirmed,
}

/// <summary>A leaf's score with its reason: the formula and the value (computed) or the evaluator's comment.</summary>
public sealed record LeafScore(string Code, decimal Score, string Reason, bool Computed, string By, DateTime At);

/// <summary>
/// A performance evaluation (绩效评价) of one phase of a contract by a third-party evaluator the purchaser commissions:
/// Commissioned → EvidenceFrozen (the platform's figures at the evaluation date) → Submitted (every leaf scored; locked)
/// → Appealed (by the provider within the appeal days) → Submitted (the evaluator answers) → Confirmed (by the purchaser,
/// once the provider accepted, answered appeal or the appeal days are over). The confirmed total decides the payment.
/// </summary>
public sealed class PerformanceEvaluation : Entity
{
    public const int MaxComment = 1000;

    private PerformanceEvaluation()
    {
    }

    public PerformanceEvaluation(Guid contractId, Guid purchaserOrganizationId, Guid providerOrganizationId, Guid evaluatorOrganizationId, int number, string name,
        Guid indicatorSystemId, DateOnly evaluationDate, int appealDays, string by, DateTime now)
    {
        if (appealDays is < 1 or > 60)
        {
            throw new DomainException("Evaluation.AppealDays", ErrorKind.Validation, "appealDays");
        }

        (ContractId, PurchaserOrganizationId, ProviderOrganizationId, EvaluatorOrganizationId) = (contractId, purchaserOrganizationId, providerOrganizationId, evaluatorOrganizationId);
        (Number, Name, IndicatorSystemId, EvaluationDate, AppealDays) = (number, name, indicatorSystemId, evaluationDate, appealDays);
        (CommissionedBy, CommissionedAt) = (by, now);
    }

    public Guid ContractId { get; private set; }

    public Guid PurchaserOrganizationId { get; private set; }

    public Guid ProviderOrganizationId { get; private set; }

    public Guid EvaluatorOrganizationId { get; private set; }

    /// <summary>Which planned evaluation of the contract this is (1 = the first in the plan).</summary>
    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public Guid IndicatorSystemId { get; private set; }

    /// <summary>The day whose records the evidence covers up to (inclusive).</summary>
    public DateOnly EvaluationDate { get; private set; }

    public int AppealDays { get; private set; }

    public EvaluationStatus Status { get; private set; }

    public Evidence? Evidence { get; private set; }

    public List<LeafScore> Scores { get; private set; } = [];

    public decimal? Total { get; private set; }

    public Grade? Grade { get; private set; }

    public string CommissionedBy { get; private set; } = "";

    public DateTime CommissionedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateOnly? AppealDeadline { get; private set; }

    public string? Appeal { get; private set; }

    public DateTime? AppealedAt { get; private set; }

    public string? AppealAnswer { get; private set; }

    public DateTime? ProviderAcceptedAt { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public void Freeze(Evidence evidence, IEnumerable<LeafScore> computed)
    {
        Require(EvaluationStatus.Commissioned);
        Evidence = evidence;
        Scores = [.. computed];
        Status = EvaluationStatus.EvidenceFrozen;
    }

    /// <summary>The evaluator scores a judgement leaf (or a formula leaf the evidence had no value for), with a comment.</summary>
    public void Score(Indicator leaf, decimal score, string? comment, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (Status is not (EvaluationStatus.EvidenceFrozen or EvaluationStatus.Appealed))
        {
            throw DomainException.Conflict(Status == EvaluationStatus.Commissioned ? "Evaluation.NoEvidence" : "Evaluation.Locked");
        }

        if (Scores.Any(s => s.Code == leaf.Code && s.Computed))
        {
            throw DomainException.Conflict("Evaluation.Computed", null, leaf.NameZh);
        }

        if (score < 0 || score > leaf.MaxScore || decimal.Round(score, 2) != score)
        {
            throw new DomainException("Evaluation.ScoreRange", ErrorKind.Validation, "score", leaf.MaxScore);
        }

        if (string.IsNullOrWhiteSpace(comment) || comment.Length > MaxComment)
        {
            throw new DomainException("Evaluation.Comment", ErrorKind.Validation, "comment");
        }

        Scores.RemoveAll(s => s.Code == leaf.Code);
        Scores.Add(new LeafScore(leaf.Code, score, comment.Trim(), false, by, now));
    }

    public void Submit(IReadOnlyList<Indicator> indicators, DateTime now, DateOnly today)
    {
        Require(EvaluationStatus.EvidenceFrozen);
        Total = Tally(indicators);
        Grade = IndicatorTree.GradeOf(Total.Value);
        SubmittedAt = now;
        AppealDeadline = today.AddDays(AppealDays);
        Status = EvaluationStatus.Submitted;
    }

    public void Dispute(string? reason, DateTime now, DateOnly today)
    {
        Require(EvaluationStatus.Submitted);
        if (Appeal is not null || ProviderAcceptedAt is not null || today > AppealDeadline)
        {
            throw DomainException.Conflict("Evaluation.AppealClosed");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxComment)
        {
            throw new DomainException("Evaluation.AppealReason", ErrorKind.Validation, "reason");
        }

        (Appeal, AppealedAt, Status) = (reason.Trim(), now, EvaluationStatus.Appealed);
    }

    /// <summary>The evaluator answers the appeal (having revised scores or not); the total is counted again and the result locked.</summary>
    public void Answer(string? answer, IReadOnlyList<Indicator> indicators)
    {
        Require(EvaluationStatus.Appealed);
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > MaxComment)
        {
            throw new DomainException("Evaluation.AppealAnswer", ErrorKind.Validation, "answer");
        }

        Total = Tally(indicators);
        Grade = IndicatorTree.GradeOf(Total.Value);
        (AppealAnswer, Status) = (answer.Trim(), EvaluationStatus.Submitted);
    }

    public void AcceptResult(DateTime now)
    {
        Require(EvaluationStatus.Submitted);
        ProviderAcceptedAt ??= now;
    }

    public void Confirm(string by, DateTime now, DateOnly today)
    {
        Require(EvaluationStatus.Submitted);
        if (ProviderAcceptedAt is null && AppealAnswer is null && today <= AppealDeadline)
        {
            throw DomainException.Conflict("Evaluation.AppealWindowOpen", null, AppealDeadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        (ConfirmedBy, ConfirmedAt, Status) = (by, now, EvaluationStatus.Confirmed);
    }

    private decimal Tally(IReadOnlyList<Indicator> indicators)
    {
        var leaves = IndicatorTree.Leaves(indicators);
        var missing = leaves.Where(l => Scores.All(s => s.Code != l.Code)).Select(l => l.NameZh).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("Evaluation.Unscored", ErrorKind.Validation, "scores", string.Join("、", missing.Take(5)), missing.Count);
        }

        return Scores.Where(s => leaves.Any(l => l.Code == s.Code)).Sum(s => s.Score);
    }

    private void Require(EvaluationStatus status)
    {
        if (Status != status)
        {
            throw DomainException.Conflict(Status is EvaluationStatus.Submitted or EvaluationStatus.Confirmed ? "Evaluation.Locked" : "Evaluation.State", null, Status.ToString());
        }
    }
}
