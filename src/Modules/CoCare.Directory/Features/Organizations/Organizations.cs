using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Directory.Domain.Rules;
using CoCare.Directory.Resources;
using CoCare.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Directory.Features.Organizations;

public sealed record OrganizationDto(Guid Id, string Name, OrganizationType Type, string RegionCode, string RegionName, bool IsActive, long Version);

public sealed record SaveOrganization(string Name, OrganizationType Type, string RegionCode, long Version = 0);

public sealed class SaveOrganizationValidator : AbstractValidator<SaveOrganization>
{
    public SaveOrganizationValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).WithName(s["Field.Name"]);
        RuleFor(r => r.Type).IsInEnum().WithName(s["Field.Type"]);
        RuleFor(r => r.RegionCode).NotEmpty().Matches("^[0-9]{12}$").WithMessage(s["Region.CodeMalformed"]).WithName(s["Field.Region"]);
    }
}

/// <summary>
/// Use cases on organizations. A caller sees its own organizations and those in its scope regions;
/// it may create or change organizations only inside its scope.
/// </summary>
public sealed class OrganizationHandlers(AppDbContext db, CurrentActor actor, IValidator<SaveOrganization> validator)
{
    private static readonly Sorting<Organization> Sorts = new Sorting<Organization>("name")
        .Add("name", o => o.Name).Add("type", o => o.Type).Add("region", o => o.RegionCode);

    public async Task<Page<OrganizationDto>> ListAsync(PageRequest paging, OrganizationType? type, string? regionCode, bool includeInactive, CancellationToken ct)
    {
        var q = Visible();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(o => EF.Functions.Like(o.Name, like, "\\"));
        }

        if (type is not null)
        {
            q = q.Where(o => o.Type == type);
        }

        if (regionCode is not null && RegionCode.LevelOf(regionCode) is { } level)
        {
            q = q.Where(o => o.RegionCode.StartsWith(RegionCode.Prefix(regionCode, level)));
        }

        if (!includeInactive)
        {
            q = q.Where(o => o.IsActive);
        }

        var total = await q.CountAsync(ct);
        var items = await Project(Sorts.Apply(q, paging).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new Page<OrganizationDto>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<OrganizationDto> GetAsync(Guid id, CancellationToken ct) =>
        await Project(Visible().Where(o => o.Id == id)).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Organization.NotFound", id);

    public async Task<OrganizationDto> CreateAsync(SaveOrganization request, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        await validator.ValidateAndThrowAsync(request, ct);
        await CheckRegionAsync(request.RegionCode, ct);
        var name = request.Name.Trim();
        await CheckUniqueAsync(name, request.RegionCode, null, ct);
        var organization = new Organization(name, request.Type, request.RegionCode);
        db.Add(organization);
        await db.SaveChangesAsync(ct);
        return await GetAsync(organization.Id, ct);
    }

    public async Task<OrganizationDto> UpdateAsync(Guid id, SaveOrganization request, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        await validator.ValidateAndThrowAsync(request, ct);
        var organization = await FindManageableAsync(id, ct);
        await CheckRegionAsync(request.RegionCode, ct);
        var name = request.Name.Trim();
        await CheckUniqueAsync(name, request.RegionCode, id, ct);
        db.ExpectVersion(organization, request.Version);
        organization.Change(name, request.Type, request.RegionCode);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<OrganizationDto> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        Permissions.RequireManager(actor);
        var organization = await FindManageableAsync(id, ct);
        organization.SetActive(active);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private IQueryable<Organization> Visible()
    {
        var q = db.Set<Organization>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            var own = actor.OrganizationIds.ToList();
            var inScope = q.WhereRegionUnder(o => o.RegionCode, actor.ScopePrefixes).Select(o => o.Id);
            q = q.Where(o => own.Contains(o.Id) || inScope.Contains(o.Id));
        }

        return q;
    }

    private IQueryable<OrganizationDto> Project(IQueryable<Organization> q) =>
        q.Select(o => new OrganizationDto(o.Id, o.Name, o.Type, o.RegionCode,
            db.Set<Region>().Where(r => r.Code == o.RegionCode).Select(r => r.Name).First(), o.IsActive, o.Version));

    private async Task<Organization> FindManageableAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !RegionScope.CanSee(actor, organization.Id, organization.RegionCode))
        {
            throw DomainException.NotFound("Organization.NotFound", id);
        }

        if (!RegionScope.Covers(actor, organization.RegionCode))
        {
            throw DomainException.Forbidden("Scope.OutsideRegion");
        }

        return organization;
    }

    private async Task CheckRegionAsync(string regionCode, CancellationToken ct)
    {
        if (!await db.Set<Region>().AnyAsync(r => r.Code == regionCode && r.IsActive, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode", regionCode);
        }

        if (!RegionScope.Covers(actor, regionCode))
        {
            throw DomainException.Forbidden("Scope.OutsideRegion");
        }
    }

    private async Task CheckUniqueAsync(string name, string regionCode, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Organization>().AnyAsync(o => o.RegionCode == regionCode && o.Name == name && o.Id != except, ct))
        {
            throw DomainException.Conflict("Organization.DuplicateName", "name", name);
        }
    }
}
