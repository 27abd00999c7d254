using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

public enum PaymentStatus
{
    Approved,
    Paid,
}

/// <summary>
/// How a phase's share of the contract becomes money: a phase paid on signing pays its whole share; a phase after an
/// evaluation pays it in full at <see cref="PhaseFacts.FullShareAtScore"/> or more, nothing below
/// <see cref="PhaseFacts.ZeroBelowScore"/>, pro rata between. Amounts are rounded down to the fen (never overpaid).
/// </summary>
public static class PaymentRule
{
    public static long Share(long contractFen, PhaseFacts phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return checked(contractFen * phase.ShareBasisPoints) / 10_000;
    }

    public static long Payable(long contractFen, PhaseFacts phase, decimal? score)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var share = Share(contractFen, phase);
        if (!phase.AfterEvaluation)
        {
            return share;
        }

        var s = score ?? throw new ArgumentException("A phase after an evaluation needs the evaluation's score.", nameof(score));
        if (s >= phase.FullShareAtScore)
        {
            return share;
        }

        if (s < phase.ZeroBelowScore || phase.FullShareAtScore <= phase.ZeroBelowScore)
        {
            return 0;
        }

        return (long)decimal.Floor(share * (s - phase.ZeroBelowScore) / (phase.FullShareAtScore - phase.ZeroBelowScore));
    }

    /// <summary>The OCDS milestone status of a paid phase: all of the share, part of it, or none.</summary>
    public static string MilestoneStatus(long paidFen, long shareFen) => paidFen >= shareFen ? "met" : paidFen > 0 ? "partiallyMet" : "notMet";
}

/// <summary>
/// A payment (资金拨付) of one phase of a contract: approved by the purchaser with the amount the rule gives, then recorded
/// as paid once, with date and reference. One per contract phase (a unique index); recording it again with the same
/// reference changes nothing.
/// </summary>
public sealed class Payment : Entity
{
    private Payment()
    {
    }

    public Payment(Guid contractId, int phaseNumber, string phaseName, Guid? evaluationId, decimal? score, long shareFen, long amountFen, string approvedBy, DateTime now)
    {
        (ContractId, PhaseNumber, PhaseName, EvaluationId, Score, ShareFen, AmountFen) = (contractId, phaseNumber, phaseName, evaluationId, score, shareFen, amountFen);
        (ApprovedBy, ApprovedAt, Status) = (approvedBy, now, PaymentStatus.Approved);
    }

    public Guid ContractId { get; private set; }

    public int PhaseNumber { get; private set; }

    public string PhaseName { get; private set; } = "";

    public Guid? EvaluationId { get; private set; }

    /// <summary>The confirmed score the amount follows from (none for a phase paid on signing).</summary>
    public decimal? Score { get; private set; }

    /// <summary>The phase's full share of the contract amount.</summary>
    public long ShareFen { get; private set; }

    public long AmountFen { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string ApprovedBy { get; private set; } = "";

    public DateTime ApprovedAt { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? Reference { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTime? RecordedAt { get; private set; }

    /// <summary>Records the transfer; true when this call recorded it, false when the same transfer was recorded before.</summary>
    public bool RecordPaid(DateOnly paidOn, string? reference, string by, DateTime now, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 64)
        {
            throw new DomainException("Payment.Reference", ErrorKind.Validation, "reference");
        }

        if (paidOn > today || paidOn < DateOnly.FromDateTime(ApprovedAt).AddDays(-1))
        {
            throw new DomainException("Payment.Date", ErrorKind.Validation, "paidOn");
        }

        if (Status == PaymentStatus.Paid)
        {
            return PaidOn == paidOn && Reference == reference.Trim() ? false : throw DomainException.Conflict("Payment.AlreadyPaid", null, Reference!, PaidOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        (PaidOn, Reference, RecordedBy, RecordedAt, Status) = (paidOn, reference.Trim(), by, now, PaymentStatus.Paid);
        return true;
    }
}
