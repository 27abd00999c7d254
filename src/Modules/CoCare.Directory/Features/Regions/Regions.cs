using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Directory.Domain.Rules;
using CoCare.Directory.Resources;
using CoCare.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Directory.Features.Regions;

public sealed record RegionDto(string Code, string Name, RegionLevel Level, string? ParentCode, RegionKind Kind, bool IsActive, long Version);

public sealed record CreateRegion(string Code, string Name, RegionKind Kind);

public sealed record UpdateRegion(string Name, RegionKind Kind, long Version);

public sealed class CreateRegionValidator : AbstractValidator<CreateRegion>
{
    public CreateRegionValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.Code).NotEmpty().Length(12).Matches("^[0-9]{12}$").WithMessage(s["Region.CodeMalformed"]).WithName(s["Field.Code"]);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).WithName(s["Field.Name"]);
        RuleFor(r => r.Kind).IsInEnum().WithName(s["Field.Kind"]);
    }
}

public sealed class UpdateRegionValidator : AbstractValidator<UpdateRegion>
{
    public UpdateRegionValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).WithName(s["Field.Name"]);
        RuleFor(r => r.Kind).IsInEnum().WithName(s["Field.Kind"]);
    }
}

/// <summary>Use cases on administrative regions. Anyone signed in reads them; only a platform administrator changes them.</summary>
public sealed class RegionHandlers(AppDbContext db, CurrentActor actor, IValidator<CreateRegion> createValidator, IValidator<UpdateRegion> updateValidator)
{
    private static readonly Sorting<Region> Sorts = new Sorting<Region>("code")
        .Add("code", r => r.Code).Add("name", r => r.Name).Add("level", r => r.Level);

    public async Task<Page<RegionDto>> ListAsync(PageRequest paging, string? parentCode, RegionLevel? level, CancellationToken ct)
    {
        var q = db.Set<Region>().AsNoTracking();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(r => EF.Functions.Like(r.Name, like, "\\") || r.Code.StartsWith(search));
        }

        if (parentCode is not null)
        {
            q = q.Where(r => r.ParentCode == parentCode);
        }

        if (level is not null)
        {
            q = q.Where(r => r.Level == level);
        }

        var total = await q.CountAsync(ct);
        var items = await Sorts.Apply(q, paging).Skip(paging.Skip).Take(paging.PageSize).Select(ToDto).ToListAsync(ct);
        return new Page<RegionDto>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<RegionDto> GetAsync(string code, CancellationToken ct) =>
        await db.Set<Region>().AsNoTracking().Where(r => r.Code == code).Select(ToDto).FirstOrDefaultAsync(ct)
        ?? throw DomainException.NotFound("Region.NotFound", code);

    public async Task<RegionDto> CreateAsync(CreateRegion request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        await createValidator.ValidateAndThrowAsync(request, ct);
        var (level, parentCode) = RegionPlacement.Place(request.Code);
        if (parentCode is not null && !await db.Set<Region>().AnyAsync(r => r.Code == parentCode && r.IsActive, ct))
        {
            throw new DomainException("Region.ParentUnknown", ErrorKind.Validation, "code", parentCode);
        }

        if (await db.Set<Region>().AnyAsync(r => r.Code == request.Code, ct))
        {
            throw DomainException.Conflict("Region.Duplicate", "code", request.Code);
        }

        var region = new Region(request.Code, request.Name.Trim(), level, parentCode, request.Kind);
        db.Add(region);
        await db.SaveChangesAsync(ct);
        return await GetAsync(region.Code, ct);
    }

    public async Task<RegionDto> UpdateAsync(string code, UpdateRegion request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        await updateValidator.ValidateAndThrowAsync(request, ct);
        var region = await db.Set<Region>().FirstOrDefaultAsync(r => r.Code == code, ct) ?? throw DomainException.NotFound("Region.NotFound", code);
        db.ExpectVersion(region, request.Version);
        region.Rename(request.Name.Trim(), request.Kind);
        await db.SaveChangesAsync(ct);
        return await GetAsync(code, ct);
    }

    public async Task<RegionDto> SetActiveAsync(string code, bool active, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var region = await db.Set<Region>().FirstOrDefaultAsync(r => r.Code == code, ct) ?? throw DomainException.NotFound("Region.NotFound", code);
        region.SetActive(active);
        await db.SaveChangesAsync(ct);
        return await GetAsync(code, ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Region, RegionDto>> ToDto =
        r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode, r.Kind, r.IsActive, r.Version);
}
