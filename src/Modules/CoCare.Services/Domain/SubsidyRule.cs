using CoCare.Kernel;

namespace CoCare.Services.Domain;

public enum SubsidyKind
{
    /// <summary>The elder pays nothing.</summary>
    Free,

    /// <summary>A fixed amount off the list price.</summary>
    AmountOff,

    /// <summary>A percentage off the list price.</summary>
    PercentOff,
}

/// <summary>
/// Who a subsidy rule is for: all conditions given must hold. <see cref="Category"/> is an elder category code
/// (<c>SubsistenceAllowance</c>, <c>ExtremePoverty</c> … or <c>AdvancedAge</c>); <see cref="MinimumLevel"/> a capability
/// level code compared in the order Intact &lt; Mild &lt; Moderate &lt; Severe &lt; Total.
/// </summary>
public sealed record SubsidyCondition(string? Category, int? MinimumAge, string? MinimumLevel)
{
    private static readonly string[] LevelOrder = ["Intact", "Mild", "Moderate", "Severe", "Total"];

    public static IReadOnlyList<string> Levels => LevelOrder;

    public bool Matches(ElderFacts elder, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(elder);
        return (Category is null || elder.Categories.Contains(Category, StringComparer.Ordinal))
            && (MinimumAge is null || elder.AgeOn(day) >= MinimumAge)
            && (MinimumLevel is null || (elder.CapabilityLevel is { } level && Rank(level) >= Rank(MinimumLevel)));
    }

    private static int Rank(string level) => Array.IndexOf(LevelOrder, level);
}

/// <summary>
/// A subsidy rule (补贴规则), data not code: for a service type and a condition, a benefit valid between two dates.
/// Rules for the same service and condition may not overlap in time, so a change of policy is a new rule from a date.
/// </summary>
public sealed class SubsidyRule : Entity
{
    private SubsidyRule()
    {
    }

    public SubsidyRule(string serviceTypeCode, string name, SubsidyCondition condition, SubsidyKind kind, long amountOffFen, int percentOff, bool oncePerDay,
        DateOnly validFrom, DateOnly? validTo, string createdBy, DateTime now)
    {
        if (validTo is not null && validTo < validFrom)
        {
            throw new DomainException("Subsidy.Dates", ErrorKind.Validation, "validTo");
        }

        if ((kind == SubsidyKind.AmountOff && amountOffFen <= 0) || (kind == SubsidyKind.PercentOff && percentOff is <= 0 or > 100))
        {
            throw new DomainException("Subsidy.Amount", ErrorKind.Validation, kind == SubsidyKind.AmountOff ? "amountOffFen" : "percentOff");
        }

        if (condition.MinimumLevel is { } level && !SubsidyCondition.Levels.Contains(level))
        {
            throw new DomainException("Subsidy.Level", ErrorKind.Validation, "minimumLevel");
        }

        if (condition.MinimumAge is < 0 or > 120)
        {
            throw new DomainException("Subsidy.Age", ErrorKind.Validation, "minimumAge");
        }

        ServiceTypeCode = serviceTypeCode;
        Name = name;
        Condition = condition;
        Kind = kind;
        AmountOffFen = kind == SubsidyKind.AmountOff ? amountOffFen : 0;
        PercentOff = kind == SubsidyKind.PercentOff ? percentOff : 0;
        OncePerDay = oncePerDay;
        ValidFrom = validFrom;
        ValidTo = validTo;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public string ServiceTypeCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public SubsidyCondition Condition { get; private set; } = new(null, null, null);

    public SubsidyKind Kind { get; private set; }

    public long AmountOffFen { get; private set; }

    public int PercentOff { get; private set; }

    /// <summary>At most one subsidised unit per elder per day (one subsidised meal a day).</summary>
    public bool OncePerDay { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    /// <summary>Whether this rule's dates overlap <paramref name="other"/>'s for the same service and condition.</summary>
    public bool Overlaps(SubsidyRule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.ServiceTypeCode == ServiceTypeCode && other.Condition == Condition
            && ValidFrom <= (other.ValidTo ?? DateOnly.MaxValue) && other.ValidFrom <= (ValidTo ?? DateOnly.MaxValue);
    }

    /// <summary>How much this rule takes off <paramref name="listPrice"/>.</summary>
    public Money Reduction(Money listPrice) => Kind switch
    {
        SubsidyKind.Free => listPrice,
        SubsidyKind.AmountOff => new Money(Math.Min(AmountOffFen, listPrice.Fen)),
        _ => new Money(listPrice.Fen * PercentOff / 100),
    };
}
