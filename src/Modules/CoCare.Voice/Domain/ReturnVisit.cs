using CoCare.Kernel;

namespace CoCare.Voice.Domain;

public enum ReturnVisitStatus
{
    Planned,
    Done,
    Unreachable,
}

/// <summary>
/// A return visit (回访) to an elder after a completed service: scheduled for a share of completed services, recorded
/// with the elder's rating and remarks (the rating counts in the satisfaction rate), or marked unreachable.
/// </summary>
public sealed class ReturnVisit : Entity
{
    private ReturnVisit()
    {
    }

    public ReturnVisit(DeliveryFacts order, Guid? providerOrganizationId, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(order);
        OrderId = order.Id;
        ElderId = order.ElderId;
        VillageCode = order.VillageCode;
        ServiceTypeCode = order.ServiceTypeCode;
        ProviderOrganizationId = providerOrganizationId;
        CompletedAt = order.CompletedAt ?? DateTime.MinValue;
        DueOn = dueOn;
    }

    public Guid OrderId { get; private set; }

    public Guid ElderId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public string ServiceTypeCode { get; private set; } = "";

    public Guid? ProviderOrganizationId { get; private set; }

    public DateTime CompletedAt { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ReturnVisitStatus Status { get; private set; }

    public int? Score { get; private set; }

    public string? Remarks { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTime? RecordedAt { get; private set; }

    /// <summary>Whether an order falls in the sampled share: a stable choice from its id, so every node picks the same orders.</summary>
    public static bool IsSampled(Guid orderId, int sharePercent)
    {
        var bytes = orderId.ToByteArray();
        var bucket = (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(bytes), 0) % 100);
        return bucket < Math.Clamp(sharePercent, 0, 100);
    }

    /// <summary>Records the visit: reached with a 1–5 rating and remarks, or unreachable (no rating).</summary>
    public void Record(bool reached, int? score, string? remarks, string by, DateTime now)
    {
        if (Status != ReturnVisitStatus.Planned)
        {
            throw DomainException.Conflict("ReturnVisit.Recorded");
        }

        if (reached && score is not (>= 1 and <= 5))
        {
            throw new DomainException("Rating.Range", ErrorKind.Validation, "score");
        }

        if (remarks is { Length: > 500 })
        {
            throw new DomainException("Rating.Remark", ErrorKind.Validation, "remarks");
        }

        Status = reached ? ReturnVisitStatus.Done : ReturnVisitStatus.Unreachable;
        Score = reached ? score : null;
        Remarks = string.IsNullOrWhiteSpace(remarks) ? null : remarks.Trim();
        RecordedBy = by;
        RecordedAt = now;
    }
}
