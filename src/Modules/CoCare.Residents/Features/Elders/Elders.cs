using System.Text.Json;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Resources;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Residents.Features.Elders;

public sealed record SaveElder(
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string IdNumber,
    string? Phone,
    string? Address,
    string VillageCode,
    double? Latitude,
    double? Longitude,
    LivingSituation LivingSituation,
    IReadOnlyList<ElderCategory>? Categories,
    bool ConsentToBasicData,
    bool ConsentToHealthData,
    string? ConsentGivenBy,
    IReadOnlyList<FamilyContact>? FamilyContacts = null,
    long Version = 0);

/// <summary>
/// What lists and ordinary pages show: masked ID and phone, no address. Without a current consent to health data the
/// capability level, next assessment and the 失能 category are left out (<see cref="HealthDataHidden"/>) for everyone
/// but the data-protection officer.
/// </summary>
public sealed record ElderSummary(Guid Id, string Name, Gender Gender, int Age, string IdNumberMasked, string? PhoneMasked, string? AddressMasked,
    string VillageCode, LivingSituation LivingSituation, IReadOnlyList<string> Categories, CapabilityLevel? CurrentLevel, DateOnly? NextAssessmentDue,
    bool HealthDataConsented, bool HealthDataHidden, IReadOnlyList<FamilyContact> FamilyContacts, string? ServiceCardNumber, long Version);

/// <summary>A consent given or withdrawn, and by whom on the elder's behalf (empty when the elder gave it).</summary>
public sealed record ChangeConsent(ConsentScope Scope, bool Given, string? GivenBy);

/// <summary>The full record, for roles that need it; every read is written to the audit log.</summary>
public sealed record ElderRecord(ElderSummary Summary, string IdNumber, string? Phone, string? Address, double? Latitude, double? Longitude,
    IReadOnlyList<ConsentRecord> Consents, IReadOnlyList<FamilyContact> FamilyContacts, string? CardConfirmationCode);

public sealed class SaveElderValidator : AbstractValidator<SaveElder>
{
    public SaveElderValidator(IStringLocalizer<ResidentsText> s)
    {
        RuleFor(e => e.Name).NotEmpty().MaximumLength(50).WithName(s["Field.Name"]);
        RuleFor(e => e.Gender).IsInEnum();
        RuleFor(e => e.LivingSituation).IsInEnum();
        RuleForEach(e => e.Categories).IsInEnum();
        RuleFor(e => e.Phone).Matches("^[0-9+\\- ]{7,20}$").When(e => !string.IsNullOrWhiteSpace(e.Phone)).WithMessage(s["Elder.PhoneFormat"]);
        RuleFor(e => e.Address).MaximumLength(200).WithName(s["Field.Address"]);
        RuleFor(e => e.VillageCode).Matches("^[0-9]{12}$").WithMessage(s["Elder.VillageRequired"]);
        RuleFor(e => e.Latitude).InclusiveBetween(-90, 90).When(e => e.Latitude is not null);
        RuleFor(e => e.Longitude).InclusiveBetween(-180, 180).When(e => e.Longitude is not null);
        RuleFor(e => e.ConsentToBasicData).Equal(true).WithMessage(s["Elder.ConsentRequired"]);
        RuleFor(e => e.ConsentGivenBy).MaximumLength(50).WithName(s["Consent.GivenBy"]);
        RuleFor(e => e.FamilyContacts).Must(c => c is null || c.Count <= 5).WithMessage(s["Elder.FamilyContactsMax"]);
        RuleForEach(e => e.FamilyContacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(50).WithName(s["Family.Name"]);
            c.RuleFor(x => x.Relation).NotEmpty().MaximumLength(20).WithName(s["Family.Relation"]);
            c.RuleFor(x => x.Phone).Matches("^[0-9+\\- ]{7,20}$").WithMessage(s["Elder.PhoneFormat"]);
        });
    }
}

/// <summary>
/// The elder archive. Lists show masked personal data only; the full record needs a role that works with
/// elders and writes a Read entry to the audit log. Elders outside the caller's regions answer 404.
/// </summary>
public sealed class ElderHandlers(
    AppDbContext db,
    CurrentActor actor,
    IDirectory directory,
    PersonalDataCipher cipher,
    TimeProvider clock,
    IValidator<SaveElder> validator,
    IStringLocalizer<ResidentsText> s,
    IErrorText errors)
{
    public static readonly string[] FullRecordRoles = [Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static readonly Sorting<Elder> Sorts = new Sorting<Elder>("name")
        .Add("name", e => e.Name).Add("birthDate", e => e.BirthDate).Add("village", e => e.VillageCode);

    public async Task<Page<ElderSummary>> ListAsync(PageRequest paging, string? villageCode, CapabilityLevel? level, CancellationToken ct)
    {
        var q = Visible();
        if (paging.Search is { } search)
        {
            // Four characters that look like an ID tail search the masked number's tail; anything else, the name.
            if (search.Length == 4 && search.All(c => char.IsAsciiDigit(c) || c is 'x' or 'X'))
            {
                var tail = search.ToUpperInvariant();
                q = q.Where(e => e.IdNumberMasked.EndsWith(tail));
            }
            else
            {
                var like = QueryScope.LikeContains(search);
                q = q.Where(e => EF.Functions.Like(e.Name, like, "\\"));
            }
        }

        if (villageCode is not null)
        {
            q = q.Where(e => e.VillageCode == villageCode);
        }

        if (level is not null)
        {
            q = SeesHealthDataWithoutConsent ? q.Where(e => e.CurrentLevel == level) : q.Where(e => e.CurrentLevel == level && e.HealthDataConsented);
        }

        var total = await q.CountAsync(ct);
        var elders = await Sorts.Apply(q, paging).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ElderSummary>(elders.Select(Summary).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<ElderSummary> GetAsync(Guid id, CancellationToken ct) => Summary(await FindAsync(id, ct));

    public async Task<ElderRecord> GetFullRecordAsync(Guid id, CancellationToken ct)
    {
        if (!FullRecordRoles.Any(actor.IsInRole))
        {
            throw DomainException.Forbidden("Elder.FullRecordForbidden");
        }

        var elder = await FindAsync(id, ct);
        await db.RecordReadAsync(nameof(Elder), elder.Id.ToString(), ct);
        var family = cipher.Decrypt(elder.FamilyContactsCipher) is { } json ? JsonSerializer.Deserialize<List<FamilyContact>>(json, JsonColumns.Options) ?? [] : [];
        return new ElderRecord(Summary(elder), cipher.Decrypt(elder.IdNumberCipher)!, cipher.Decrypt(elder.PhoneCipher), cipher.Decrypt(elder.AddressCipher),
            elder.Latitude, elder.Longitude, elder.Consents, family, elder.CardConfirmationCode);
    }

    public async Task<ElderSummary> CreateAsync(SaveElder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireManager();
        var elder = new Elder(request.VillageCode, clock.GetUtcNow().UtcDateTime);
        await ApplyAsync(elder, request, isNew: true, ct);
        db.Add(elder);
        await db.SaveChangesAsync(ct);
        return Summary(elder);
    }

    public async Task<ElderSummary> UpdateAsync(Guid id, SaveElder request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireManager();
        var elder = await FindAsync(id, ct, tracked: true);
        db.ExpectVersion(elder, request.Version);
        await ApplyAsync(elder, request, isNew: false, ct);
        await db.SaveChangesAsync(ct);
        return Summary(elder);
    }

    private async Task ApplyAsync(Elder elder, SaveElder request, bool isNew, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        var failures = validation.Errors.ToList();
        void Fail(string field, string key) => failures.Add(new ValidationFailure(field, s[key]));

        ResidentIdNumber.TryParse(request.IdNumber, Today, out var number, out var idError);
        if (idError is not null)
        {
            failures.Add(new ValidationFailure("idNumber", errors.Describe(new DomainException(idError)) ?? idError));
        }
        else if (number!.Disagreement(request.BirthDate, request.Gender) is { } mismatch)
        {
            failures.Add(new ValidationFailure(mismatch == "IdNumber.GenderMismatch" ? "gender" : "birthDate", errors.Describe(new DomainException(mismatch)) ?? mismatch));
        }

        if (RegionCode.IsWellFormed(request.VillageCode))
        {
            if (!await directory.RegionExistsAsync(request.VillageCode, ct))
            {
                Fail("villageCode", "Elder.VillageUnknown");
            }
            else if (!InScope(request.VillageCode))
            {
                throw DomainException.Forbidden("Scope.OutsideRegion");
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(s["Elder.Invalid"], failures);
        }

        var index = cipher.BlindIndex(number!.Value);
        if (await db.Set<Elder>().AnyAsync(e => e.IdNumberIndex == index && e.Id != elder.Id, ct))
        {
            throw DomainException.Conflict("Elder.Duplicate", "idNumber");
        }

        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        elder.SetIdentity(request.Name.Trim(), number.Gender, number.BirthDate, cipher.Encrypt(number.Value)!, index, number.Masked);
        elder.SetContact(cipher.Encrypt(phone), phone is null ? null : Masking.Phone(phone), cipher.Encrypt(address), address is null ? null : Masking.Address(address),
            request.VillageCode, request.Latitude, request.Longitude);
        elder.SetSituation(request.LivingSituation, request.Categories ?? []);
        var family = (request.FamilyContacts ?? []).Select(c => new FamilyContact(c.Name.Trim(), c.Relation.Trim(), c.Phone.Trim())).ToList();
        elder.SetFamilyContacts(family.Count == 0 ? null : cipher.Encrypt(JsonSerializer.Serialize(family, JsonColumns.Options)),
            family.Select(c => c with { Phone = Masking.Phone(c.Phone) }));
        var now = clock.GetUtcNow().UtcDateTime;
        var recorder = actor.UserName ?? "system";
        if (isNew || elder.HasConsent(ConsentScope.BasicData) != request.ConsentToBasicData)
        {
            elder.RecordConsent(new ConsentRecord(ConsentScope.BasicData, request.ConsentToBasicData, now, recorder, request.ConsentGivenBy));
        }

        if (isNew ? request.ConsentToHealthData : elder.HasConsent(ConsentScope.HealthData) != request.ConsentToHealthData)
        {
            elder.RecordConsent(new ConsentRecord(ConsentScope.HealthData, request.ConsentToHealthData, now, recorder, request.ConsentGivenBy));
        }
    }

    internal async Task<Elder> FindAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.Set<Elder>() : db.Set<Elder>().AsNoTracking();
        var elder = await q.FirstOrDefaultAsync(e => e.Id == id, ct);

        // Outside one's regions an elder does not exist: 404, so existence is not leaked.
        return elder is not null && InScope(elder.VillageCode) ? elder : throw DomainException.NotFound("Elder.NotFound");
    }

    private bool InScope(string villageCode) => actor.Covers(villageCode);

    private IQueryable<Elder> Visible()
    {
        var q = db.Set<Elder>().AsNoTracking().Where(e => e.IsActive);
        return actor.IsPlatformAdmin ? q
            : q.WhereRegionUnder(e => e.VillageCode, actor.ScopePrefixes);
    }

    /// <summary>Record a consent given or withdrawn; withdrawing the health-data consent hides assessments at once.</summary>
    public async Task<ElderSummary> ChangeConsentAsync(Guid id, ChangeConsent request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireManager();
        if (!Enum.IsDefined(request.Scope) || request.GivenBy?.Length > 50)
        {
            throw new DomainException("Elder.ConsentInvalid", ErrorKind.Validation, "scope");
        }

        var elder = await FindAsync(id, ct, tracked: true);
        elder.RecordConsent(new ConsentRecord(request.Scope, request.Given, clock.GetUtcNow().UtcDateTime, actor.UserName ?? "system",
            string.IsNullOrWhiteSpace(request.GivenBy) ? null : request.GivenBy.Trim()));
        await db.SaveChangesAsync(ct);
        return Summary(elder);
    }

    /// <summary>Whether the caller may see this elder's health data: with the elder's consent, or as the data-protection officer.</summary>
    public bool MaySeeHealthData(Elder elder) => elder.HealthDataConsented || SeesHealthDataWithoutConsent;

    private bool SeesHealthDataWithoutConsent => actor.IsInRole(Roles.DataProtectionOfficer);

    private void RequireManager() => RequireManager(actor);

    /// <summary>Only roles that work with elders' records (see <see cref="FullRecordRoles"/>) may change them.</summary>
    internal static void RequireManager(CurrentActor actor)
    {
        if (!FullRecordRoles.Any(actor.IsInRole))
        {
            throw DomainException.Forbidden("Elder.ManageForbidden");
        }
    }

    private ElderSummary Summary(Elder e)
    {
        var health = MaySeeHealthData(e);
        var categories = e.Categories.Where(c => health || c != ElderCategory.Disabled).Select(c => c.ToString()).ToList();
        if (e.IsAdvancedAge(Today))
        {
            categories.Add("AdvancedAge");
        }

        return new ElderSummary(e.Id, e.Name, e.Gender, e.AgeOn(Today), e.IdNumberMasked, e.PhoneMasked, e.AddressMasked, e.VillageCode, e.LivingSituation,
            categories, health ? e.CurrentLevel : null, health ? e.NextAssessmentDue : null, e.HealthDataConsented, !health, e.FamilyContactsMasked, e.ServiceCardNumber, e.Version);
    }
}
