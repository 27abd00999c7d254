using CoCare.Kernel;

namespace CoCare.Network.Domain;

/// <summary>What was put in (DESIGN.md, Network).</summary>
public enum ContributionKind
{
    Money,
    Space,
    Labour,
    InKind,
    Expertise,
    Publicity,
}

/// <summary>Where money came from; the first two are government funds (the leverage ratio's denominator).</summary>
public enum FundingSource
{
    Government,
    CentralFinance,
    VillageFundRaising,
    Donation,
    Enterprise,
    SocialOrganization,
}

/// <summary>How a contribution was valued.</summary>
public enum ValuationMethod
{
    /// <summary>Money counts at its amount.</summary>
    Cash,

    /// <summary>What the same thing would cost to buy or rent.</summary>
    MarketPrice,

    /// <summary>Hours × a reference wage (labour, 换工, volunteer hours, teaching).</summary>
    HoursTimesWage,
}

/// <summary>
/// One contribution to a project or a village: money by source, a space, labour and 换工 hours, goods, expertise or
/// publicity, with who gave it, when, and its value in fen with the method. Labour valued by hours × wage stores both
/// and computes the value; nothing is typed twice.
/// </summary>
public sealed class Contribution : Entity
{
    private Contribution()
    {
    }

    public Contribution(string regionCode, Guid? projectId, string recordedBy, DateTime recordedAt)
    {
        RegionCode = regionCode;
        ProjectId = projectId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public string RegionCode { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    public ContributionKind Kind { get; private set; }

    /// <summary>For money: where it came from.</summary>
    public FundingSource? Source { get; private set; }

    public Guid? ContributorOrganizationId { get; private set; }

    /// <summary>The organization's or person's name as the list shows it.</summary>
    public string ContributorName { get; private set; } = "";

    public DateOnly On { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The space given, when the contribution is a space (one of the drum towers).</summary>
    public Guid? ResourceId { get; private set; }

    public ValuationMethod Method { get; private set; }

    /// <summary>Hours worked, in minutes (labour valued by hours × wage).</summary>
    public long? Minutes { get; private set; }

    /// <summary>The reference wage per hour in fen (labour valued by hours × wage).</summary>
    public long? HourlyWageFen { get; private set; }

    public long ValueFen { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public Money Value => new(ValueFen);

    /// <summary>Whether this is government money: the denominator of the leverage ratio.</summary>
    public bool IsGovernmentFunds => Kind == ContributionKind.Money && Source is FundingSource.Government or FundingSource.CentralFinance;

    /// <summary>
    /// Sets what was given and its value. Money needs a source and is valued as cash; hours × wage needs both (the
    /// value is computed); the other methods need a value. No value may be negative.
    /// </summary>
    public void Describe(ContributionKind kind, FundingSource? source, Guid? contributorOrganizationId, string contributorName, DateOnly on, string description,
        Guid? resourceId, ValuationMethod method, long? valueFen, long? minutes, long? hourlyWageFen)
    {
        if (string.IsNullOrWhiteSpace(contributorName) || contributorName.Trim().Length > 100)
        {
            throw new DomainException("Contribution.Contributor", ErrorKind.Validation, "contributorName");
        }

        if (description is { Length: > 500 })
        {
            throw new DomainException("Contribution.Description", ErrorKind.Validation, "description");
        }

        if (valueFen < 0 || minutes < 0 || hourlyWageFen < 0)
        {
            throw new DomainException("Contribution.Negative", ErrorKind.Validation, "valueFen");
        }

        if (kind == ContributionKind.Money && (source is null || method != ValuationMethod.Cash))
        {
            throw new DomainException("Contribution.MoneySource", ErrorKind.Validation, "source");
        }

        if (kind != ContributionKind.Money && source is not null)
        {
            throw new DomainException("Contribution.SourceOnlyForMoney", ErrorKind.Validation, "source");
        }

        long value;
        if (method == ValuationMethod.HoursTimesWage)
        {
            if (minutes is not > 0 || hourlyWageFen is not > 0)
            {
                throw new DomainException("Contribution.HoursAndWage", ErrorKind.Validation, "minutes");
            }

            value = checked((long)Math.Round(minutes.Value * hourlyWageFen.Value / 60m, MidpointRounding.AwayFromZero));
        }
        else
        {
            value = valueFen is > 0 ? valueFen.Value : throw new DomainException("Contribution.Value", ErrorKind.Validation, "valueFen");
        }

        Kind = kind;
        Source = source;
        ContributorOrganizationId = contributorOrganizationId;
        ContributorName = contributorName.Trim();
        On = on;
        Description = (description ?? "").Trim();
        ResourceId = resourceId;
        Method = method;
        Minutes = method == ValuationMethod.HoursTimesWage ? minutes : null;
        HourlyWageFen = method == ValuationMethod.HoursTimesWage ? hourlyWageFen : null;
        ValueFen = value;
    }
}

/// <summary>The leverage ratio (撬动比, DESIGN.md): valued non-government contributions ÷ government funds.</summary>
public sealed record Leverage(long GovernmentFen, long NonGovernmentFen, double? Ratio, IReadOnlyDictionary<ContributionKind, long> NonGovernmentByKind)
{
    public static Leverage Of(IEnumerable<Contribution> contributions)
    {
        var all = contributions.ToList();
        var government = all.Where(c => c.IsGovernmentFunds).Sum(c => c.ValueFen);
        var others = all.Where(c => !c.IsGovernmentFunds).ToList();
        var nonGovernment = others.Sum(c => c.ValueFen);
        return new Leverage(government, nonGovernment, government == 0 ? null : Math.Round((double)nonGovernment / government, 4),
            others.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.ValueFen)));
    }
}
