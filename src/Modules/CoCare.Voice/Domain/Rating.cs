using CoCare.Kernel;

namespace CoCare.Voice.Domain;

/// <summary>What was rated.</summary>
public enum RatedSubject
{
    Service,
    Meal,
    Survey,
    ReturnVisit,
}

/// <summary>
/// A one-question satisfaction rating (1–5) after a completed service or a meal, in a periodic survey or on a
/// return visit, with what it is about (provider, service type, service point, village) so the rate can be cut by
/// each. One rating per subject (a service or meal is rated once).
/// </summary>
public sealed class SatisfactionRating : Entity
{
    private SatisfactionRating()
    {
    }

    public SatisfactionRating(RatedSubject subject, Guid? subjectId, string villageCode, Guid? providerOrganizationId, string? serviceTypeCode, Guid? servicePointId,
        int score, string? remark, string recordedBy, DateTime at)
    {
        if (!Enum.IsDefined(subject))
        {
            throw new DomainException("Rating.Subject", ErrorKind.Validation, "subject");
        }

        if (score is < 1 or > 5)
        {
            throw new DomainException("Rating.Range", ErrorKind.Validation, "score");
        }

        if (remark is { Length: > 500 })
        {
            throw new DomainException("Rating.Remark", ErrorKind.Validation, "remark");
        }

        Subject = subject;
        SubjectId = subjectId;
        VillageCode = villageCode;
        ProviderOrganizationId = providerOrganizationId;
        ServiceTypeCode = serviceTypeCode;
        ServicePointId = servicePointId;
        Score = score;
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        RecordedBy = recordedBy;
        At = at;
        Day = ChinaTime.Day(at);
    }

    public RatedSubject Subject { get; private set; }

    public Guid? SubjectId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public Guid? ProviderOrganizationId { get; private set; }

    public string? ServiceTypeCode { get; private set; }

    public Guid? ServicePointId { get; private set; }

    public int Score { get; private set; }

    public string? Remark { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime At { get; private set; }

    public DateOnly Day { get; private set; }
}

/// <summary>The satisfaction rate as DESIGN.md defines it: ratings of 4 or 5 ÷ valid ratings (null when there are none).</summary>
public sealed record SatisfactionRate(int Satisfied, int Valid)
{
    public double? Rate => Valid == 0 ? null : Math.Round((double)Satisfied / Valid, 4);

    public static bool IsSatisfied(int score) => score >= 4;
}
