using CoCare.Kernel;

namespace CoCare.Voice.Domain;

/// <summary>
/// A satisfaction survey template (满意度调查): questions answered on a 5-point scale. The first question is the overall
/// satisfaction, the one that counts in the satisfaction rate; the others explain it (food, punctuality, attitude…).
/// </summary>
public sealed class SurveyTemplate : Entity
{
    public const int MaxItems = 20;

    private SurveyTemplate()
    {
    }

    public SurveyTemplate(string title, IReadOnlyList<string> items, string createdBy, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("Survey.Title", ErrorKind.Validation, "title");
        }

        var cleaned = items.Select(i => (i ?? "").Trim()).ToList();
        if (cleaned.Count is 0 or > MaxItems || cleaned.Any(i => i.Length is 0 or > 200))
        {
            throw new DomainException("Survey.Items", ErrorKind.Validation, "items", MaxItems);
        }

        Title = title.Trim();
        Items = cleaned;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public string Title { get; private set; } = "";

    public List<string> Items { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public void Retire() => IsActive = false;
}

/// <summary>One elder's answers to a survey (1–5 for every question), recorded by staff or a volunteer in a village.</summary>
public sealed class SurveyResponse : Entity
{
    private SurveyResponse()
    {
    }

    public SurveyResponse(SurveyTemplate template, string villageCode, IReadOnlyList<int> scores, string? remark, string recordedBy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.IsActive)
        {
            throw DomainException.Conflict("Survey.Retired");
        }

        if (scores.Count != template.Items.Count)
        {
            throw new DomainException("Survey.Scores", ErrorKind.Validation, "scores", template.Items.Count);
        }

        if (scores.Any(s => s is < 1 or > 5))
        {
            throw new DomainException("Rating.Range", ErrorKind.Validation, "scores");
        }

        if (remark is { Length: > 500 })
        {
            throw new DomainException("Rating.Remark", ErrorKind.Validation, "remark");
        }

        TemplateId = template.Id;
        VillageCode = villageCode;
        Scores = [.. scores];
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        RecordedBy = recordedBy;
        At = at;
    }

    public Guid TemplateId { get; private set; }

    public string VillageCode { get; private set; } = "";

    public List<int> Scores { get; private set; } = [];

    public string? Remark { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime At { get; private set; }

    /// <summary>The overall satisfaction (the first question), which counts in the satisfaction rate.</summary>
    public int Overall => Scores[0];
}
