using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Directory.Domain.Rules;
using CoCare.Directory.Resources;
using CoCare.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Directory.Features.People;

public sealed record PersonDto(Guid Id, string Name, Guid OrganizationId, string OrganizationName, string? Position, bool IsActive, long Version,
    bool CareWorker = false, string? CaregiverCertificate = null, string? WorkRegionCode = null);

/// <summary>A person; a care worker (养老服务从业人员) says where they work (the organization's region when left out) and the number of their elder-care certificate when they hold one.</summary>
public sealed record SavePerson(string Name, Guid OrganizationId, string? Position, long Version = 0, bool CareWorker = false, string? CaregiverCertificate = null,
    string? WorkRegionCode = null);

public sealed class SavePersonValidator : AbstractValidator<SavePerson>
{
    public SavePersonValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).WithName(s["Field.Name"]);
        RuleFor(r => r.OrganizationId).NotEmpty().WithName(s["Field.Organization"]);
        RuleFor(r => r.Position).MaximumLength(100).WithName(s["Field.Position"]);
        RuleFor(r => r.CaregiverCertificate).MaximumLength(50).WithName(s["Field.CaregiverCertificate"]);
        RuleFor(r => r.WorkRegionCode).Must(RegionCode.IsWellFormed).When(r => r.WorkRegionCode is not null).WithName(s["Field.WorkRegion"]);
    }
}

/// <summary>Use cases on people: visible with their organization, changed only inside the caller's scope.</summary>
public sealed class PersonHandlers(AppDbContext db, CurrentActor actor, IValidator<SavePerson> validator)
{
    private static readonly Sorting<Person> Sorts = new Sorting<Person>("name")
        .Add("name", p => p.Name).Add("position", p => p.Position);

    public async Task<Page<PersonDto>> ListAsync(PageRequest paging, Guid? organizationId, bool includeInactive, CancellationToken ct)
    {
        var q = Visible();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(p => EF.Functions.Like(p.Name, like, "\\") || (p.Position != null && EF.Functions.Like(p.Position, like, "\\")));
        }

        if (organizationId is not null)
        {
            q = q.Where(p => p.OrganizationId == organizationId);
        }

        if (!includeInactive)
        {
            q = q.Where(p => p.IsActive);
        }

        var total = await q.CountAsync(ct);
        var items = await Project(Sorts.Apply(q, paging).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new Page<PersonDto>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<PersonDto> GetAsync(Guid id, CancellationToken ct) =>
        await Project(Visible().Where(p => p.Id == id)).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Person.NotFound", id);

    public async Task<PersonDto> CreateAsync(SavePerson request, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        await validator.ValidateAndThrowAsync(request, ct);
        await CheckOrganizationAsync(request.OrganizationId, ct);
        var person = new Person(request.Name.Trim(), request.OrganizationId, request.Position?.Trim());
        await DescribeCareAsync(person, request, ct);
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return await GetAsync(person.Id, ct);
    }

    public async Task<PersonDto> UpdateAsync(Guid id, SavePerson request, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        await validator.ValidateAndThrowAsync(request, ct);
        var person = await FindManageableAsync(id, ct);
        await CheckOrganizationAsync(request.OrganizationId, ct);
        db.ExpectVersion(person, request.Version);
        person.Change(request.Name.Trim(), request.OrganizationId, request.Position?.Trim());
        await DescribeCareAsync(person, request, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<PersonDto> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        var person = await FindManageableAsync(id, ct);
        person.SetActive(active);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private IQueryable<Person> Visible()
    {
        var people = db.Set<Person>().AsNoTracking();
        if (actor.IsPlatformAdmin)
        {
            return people;
        }

        var own = actor.OrganizationIds.ToList();
        var prefixes = actor.ScopePrefixes;
        var visibleOrganizations = db.Set<Organization>().WhereRegionUnder(o => o.RegionCode, prefixes).Select(o => o.Id);
        return people.Where(p => own.Contains(p.OrganizationId) || visibleOrganizations.Contains(p.OrganizationId));
    }

    private IQueryable<PersonDto> Project(IQueryable<Person> q) =>
        q.Select(p => new PersonDto(p.Id, p.Name, p.OrganizationId,
            db.Set<Organization>().Where(o => o.Id == p.OrganizationId).Select(o => o.Name).First(), p.Position, p.IsActive, p.Version,
            p.CareWorker, p.CaregiverCertificate, p.WorkRegionCode));

    private async Task<Person> FindManageableAsync(Guid id, CancellationToken ct)
    {
        _ = await GetAsync(id, ct);
        var person = await db.Set<Person>().FirstAsync(p => p.Id == id, ct);
        await CheckOrganizationAsync(person.OrganizationId, ct);
        return person;
    }

    /// <summary>A care worker works in an existing region the caller covers (the organization's when none is given).</summary>
    private async Task DescribeCareAsync(Person person, SavePerson request, CancellationToken ct)
    {
        var certificate = string.IsNullOrWhiteSpace(request.CaregiverCertificate) ? null : request.CaregiverCertificate.Trim();
        var region = request.CareWorker
            ? request.WorkRegionCode ?? await db.Set<Organization>().Where(o => o.Id == request.OrganizationId).Select(o => o.RegionCode).FirstAsync(ct)
            : request.WorkRegionCode;
        if (region is not null && !await db.Set<Region>().AnyAsync(r => r.Code == region && r.IsActive, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "workRegionCode", region);
        }

        if (region is not null && !RegionScope.Covers(actor, region))
        {
            throw DomainException.Forbidden("Scope.OutsideRegion");
        }

        person.DescribeCare(request.CareWorker, certificate, region);
    }

    private async Task CheckOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new DomainException("Organization.Unknown", ErrorKind.Validation, "organizationId");
        if (!RegionScope.Covers(actor, organization.RegionCode) && !actor.OrganizationIds.Contains(organization.Id))
        {
            throw DomainException.Forbidden("Scope.OutsideRegion");
        }
    }
}
