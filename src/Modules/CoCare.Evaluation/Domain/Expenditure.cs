using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

public enum ExpenditureStatus
{
    Recorded,
    Accepted,
    Queried,
    Rejected,
}

public enum ReviewDecision
{
    Accept,
    Query,
    Reject,
}

/// <summary>The receipt of an expenditure: the file's name as uploaded, where it is stored, and its SHA-256 (a receipt used twice has the same hash).</summary>
public sealed record Receipt(string FileName, string ContentType, string StoredName, long SizeBytes, string Sha256);

/// <summary>
/// An expenditure (支出) the provider records against a line of the awarded budget, with its receipt; the auditor
/// accepts it, queries it or rejects it with a reason. Anomalies are flagged when it is recorded (<see cref="ExpenditureChecks"/>).
/// </summary>
public sealed class Expenditure : Entity
{
    public const int MaxText = 500;

    private Expenditure()
    {
    }

    public Expenditure(Guid contractId, string budgetLine, long amountFen, DateOnly spentOn, string? description, Receipt? receipt, IEnumerable<string> flags, string by, DateTime now)
    {
        if (amountFen <= 0 || amountFen > 100_000_000_00)
        {
            throw new DomainException("Expenditure.Amount", ErrorKind.Validation, "amountFen");
        }

        if (string.IsNullOrWhiteSpace(description) || description.Length > MaxText)
        {
            throw new DomainException("Expenditure.Description", ErrorKind.Validation, "description");
        }

        (ContractId, BudgetLine, AmountFen, SpentOn, Description, Receipt) = (contractId, budgetLine, amountFen, spentOn, description.Trim(), receipt);
        (Flags, RecordedBy, RecordedAt, Status) = ([.. flags], by, now, ExpenditureStatus.Recorded);
    }

    public Guid ContractId { get; private set; }

    public string BudgetLine { get; private set; } = "";

    public long AmountFen { get; private set; }

    public DateOnly SpentOn { get; private set; }

    public string Description { get; private set; } = "";

    public Receipt? Receipt { get; private set; }

    public List<string> Flags { get; private set; } = [];

    public ExpenditureStatus Status { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public string? ReviewNote { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Accept, or query or reject with the reason; a queried item can be reviewed again, a decided one cannot.</summary>
    public void Review(ReviewDecision decision, string? note, string by, DateTime now)
    {
        if (Status is not (ExpenditureStatus.Recorded or ExpenditureStatus.Queried))
        {
            throw DomainException.Conflict("Expenditure.Reviewed");
        }

        if (!Enum.IsDefined(decision))
        {
            throw new DomainException("Expenditure.Decision", ErrorKind.Validation, "decision");
        }

        if (decision != ReviewDecision.Accept && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Expenditure.ReasonRequired", ErrorKind.Validation, "note");
        }

        if (note is { Length: > MaxText })
        {
            throw new DomainException("Expenditure.Description", ErrorKind.Validation, "note");
        }

        Status = decision switch
        {
            ReviewDecision.Accept => ExpenditureStatus.Accepted,
            ReviewDecision.Query => ExpenditureStatus.Queried,
            _ => ExpenditureStatus.Rejected,
        };
        (ReviewNote, ReviewedBy, ReviewedAt) = (string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by, now);
    }
}

/// <summary>The anomalies flagged on an expenditure when it is recorded.</summary>
public static class ExpenditureChecks
{
    public const string NoReceipt = "NoReceipt";
    public const string AboveLine = "AboveLine";
    public const string OutsidePeriod = "OutsidePeriod";
    public const string DuplicateReceipt = "DuplicateReceipt";

    /// <param name="lineFen">The budget line's amount.</param>
    /// <param name="spentOnLineFen">What was spent on the line before (rejected items not counted).</param>
    /// <param name="receiptSeenBefore">Whether another expenditure has a receipt with the same hash.</param>
    public static IReadOnlyList<string> Flags(long amountFen, DateOnly spentOn, bool hasReceipt, long lineFen, long spentOnLineFen, DateOnly start, DateOnly end, bool receiptSeenBefore)
    {
        var flags = new List<string>();
        if (!hasReceipt)
        {
            flags.Add(NoReceipt);
        }

        if (spentOnLineFen + amountFen > lineFen)
        {
            flags.Add(AboveLine);
        }

        if (spentOn < start || spentOn > end)
        {
            flags.Add(OutsidePeriod);
        }

        if (receiptSeenBefore)
        {
            flags.Add(DuplicateReceipt);
        }

        return flags;
    }
}
