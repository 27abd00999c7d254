using System.Globalization;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Catalogue;

/// <summary>A service type; <see cref="VolunteerSkill"/> is the volunteer skill code that lets volunteers deliver it (none: staff only).</summary>
public sealed record SaveServiceType(string NameZh, string NameEn, bool IsSixHelps, ServiceUnit Unit, int StandardMinutes, int MinimumMinutes, long ListPriceFen, bool IsActive = true,
    long Version = 0, string? VolunteerSkill = null);

public sealed record ServiceTypeDto(string Code, string Name, string NameZh, string NameEn, bool IsSixHelps, ServiceUnit Unit, int StandardMinutes, int MinimumMinutes,
    long ListPriceFen, bool IsActive, long Version, string? VolunteerSkill = null);

public sealed record AddSubsidyRule(string ServiceTypeCode, string Name, string? Category, int? MinimumAge, string? MinimumLevel, SubsidyKind Kind,
    long AmountOffFen, int PercentOff, bool OncePerDay, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record EndSubsidyRule(DateOnly ValidTo);

public sealed record SubsidyRuleDto(Guid Id, string ServiceTypeCode, string Name, string? Category, int? MinimumAge, string? MinimumLevel, SubsidyKind Kind,
    long AmountOffFen, int PercentOff, bool OncePerDay, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record QuoteDto(string ServiceTypeCode, Guid ElderId, DateOnly Day, PriceBreakdown Price);

/// <summary>
/// The catalogue and its subsidy rules. The purchaser (or an administrator) changes them; everyone signed in reads
/// them. A policy change is a new rule from a date: rules for the same service and condition may not overlap.
/// </summary>
internal sealed class CatalogueHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, IVolunteerFacts volunteers, CanteenLookups lookups, TimeProvider clock)
{
    private static readonly string[] Categories =
        ["SubsistenceAllowance", "ExtremePoverty", "NearPoverty", "LivingAlone", "EmptyNest", "LeftBehind", "Disabled", "FamilyPlanningSpecial", "AdvancedAge"];

    public async Task<IReadOnlyList<ServiceTypeDto>> ListTypesAsync(bool includeInactive, CancellationToken ct)
    {
        var q = db.Set<ServiceType>().AsNoTracking();
        if (!includeInactive)
        {
            q = q.Where(t => t.IsActive);
        }

        var types = await q.OrderByDescending(t => t.IsSixHelps).ThenBy(t => t.Code).ToListAsync(ct);
        return types.Select(ToDto).ToList();
    }

    public async Task<ServiceTypeDto> SaveTypeAsync(string code, SaveServiceType request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePurchaser();
        if (string.IsNullOrWhiteSpace(code) || code.Length is < 2 or > 30 || !code.All(char.IsAsciiLetter))
        {
            throw new DomainException("ServiceType.Code", ErrorKind.Validation, "code");
        }

        if (string.IsNullOrWhiteSpace(request.NameZh) || request.NameZh.Length > 50 || string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 80)
        {
            throw new DomainException("ServiceType.Names", ErrorKind.Validation, "nameZh");
        }

        if (!Enum.IsDefined(request.Unit))
        {
            throw new DomainException("ServiceType.Unit", ErrorKind.Validation, "unit");
        }

        if (request.VolunteerSkill is { } skill && !volunteers.SkillCodes.Contains(skill, StringComparer.Ordinal))
        {
            throw new DomainException("ServiceType.VolunteerSkill", ErrorKind.Validation, "volunteerSkill");
        }

        var type = await db.Set<ServiceType>().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (type is null)
        {
            type = new ServiceType(code);
            db.Add(type);
        }
        else
        {
            db.ExpectVersion(type, request.Version);
        }

        type.Describe(request.NameZh.Trim(), request.NameEn.Trim(), request.IsSixHelps, request.Unit, request.StandardMinutes, request.MinimumMinutes, request.ListPriceFen, request.IsActive);
        type.LetVolunteersWith(request.VolunteerSkill);
        await db.SaveChangesAsync(ct);
        lookups.ForgetPricing();
        return ToDto(type);
    }

    public async Task<IReadOnlyList<SubsidyRuleDto>> ListRulesAsync(string? serviceTypeCode, DateOnly? validOn, CancellationToken ct)
    {
        var q = db.Set<SubsidyRule>().AsNoTracking();
        if (serviceTypeCode is not null)
        {
            q = q.Where(r => r.ServiceTypeCode == serviceTypeCode);
        }

        if (validOn is { } day)
        {
            q = q.Where(r => r.ValidFrom <= day && (r.ValidTo == null || r.ValidTo >= day));
        }

        var rules = await q.OrderBy(r => r.ServiceTypeCode).ThenBy(r => r.ValidFrom).ThenBy(r => r.Name).Take(500).ToListAsync(ct);
        return rules.Select(ToDto).ToList();
    }

    public async Task<SubsidyRuleDto> AddRuleAsync(AddSubsidyRule request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePurchaser();
        if (!await db.Set<ServiceType>().AnyAsync(t => t.Code == request.ServiceTypeCode, ct))
        {
            throw new DomainException("ServiceType.Unknown", ErrorKind.Validation, "serviceTypeCode", request.ServiceTypeCode ?? "");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw new DomainException("Subsidy.Name", ErrorKind.Validation, "name");
        }

        if (request.Category is { } category && !Categories.Contains(category, StringComparer.Ordinal))
        {
            throw new DomainException("Subsidy.Category", ErrorKind.Validation, "category", category);
        }

        if (!Enum.IsDefined(request.Kind))
        {
            throw new DomainException("Subsidy.Amount", ErrorKind.Validation, "kind");
        }

        var rule = new SubsidyRule(request.ServiceTypeCode, request.Name.Trim(), new SubsidyCondition(request.Category, request.MinimumAge, request.MinimumLevel), request.Kind,
            request.AmountOffFen, request.PercentOff, request.OncePerDay, request.ValidFrom, request.ValidTo, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        var others = await db.Set<SubsidyRule>().AsNoTracking().Where(r => r.ServiceTypeCode == rule.ServiceTypeCode).ToListAsync(ct);
        if (others.FirstOrDefault(rule.Overlaps) is { } clash)
        {
            throw DomainException.Conflict("Subsidy.Overlap", "validFrom", clash.Name, Day(clash.ValidFrom), clash.ValidTo is { } to ? Day(to) : "…");
        }

        db.Add(rule);
        await db.SaveChangesAsync(ct);
        lookups.ForgetPricing();
        return ToDto(rule);
    }

    /// <summary>What an elder would pay for one unit of a service on a day, with the subsidy that applies.</summary>
    public async Task<QuoteDto> QuoteAsync(string serviceTypeCode, Guid elderId, DateOnly? day, CancellationToken ct)
    {
        var type = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == serviceTypeCode && t.IsActive, ct)
            ?? throw DomainException.NotFound("ServiceType.NotFound");
        var elder = await elders.FindAsync(elderId, ct) ?? throw DomainException.NotFound("Elder.NotFound");
        var on = day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rules = await db.Set<SubsidyRule>().AsNoTracking().Where(r => r.ServiceTypeCode == type.Code).ToListAsync(ct);

        // The once-a-day subsidy counts the canteen's meals (home services are not once-a-day in the catalogue).
        var usedToday = type.Code == CheckInWriter.MealsCode && await db.Set<MealCheckIn>().AnyAsync(c => c.ElderId == elder.Id && c.SubsidisedDay == on, ct);
        return new QuoteDto(type.Code, elder.Id, on, Pricing.Quote(type, rules, elder, on, usedToday));
    }

    private void RequirePurchaser()
    {
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Purchaser))
        {
            throw DomainException.Forbidden("Catalogue.PurchasersOnly");
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ServiceTypeDto ToDto(ServiceType t) =>
        new(t.Code, t.DisplayName(), t.NameZh, t.NameEn, t.IsSixHelps, t.Unit,
            t.StandardMinutes, t.MinimumMinutes, t.ListPriceFen, t.IsActive, t.Version, t.VolunteerSkill);

    private static SubsidyRuleDto ToDto(SubsidyRule r) =>
        new(r.Id, r.ServiceTypeCode, r.Name, r.Condition.Category, r.Condition.MinimumAge, r.Condition.MinimumLevel, r.Kind, r.AmountOffFen, r.PercentOff, r.OncePerDay, r.ValidFrom, r.ValidTo);
}
