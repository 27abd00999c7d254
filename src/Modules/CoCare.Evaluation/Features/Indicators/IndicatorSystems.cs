using CoCare.Data;
using CoCare.Evaluation.Domain;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Features.Indicators;

/// <summary>A new system: a copy of <see cref="BasedOn"/> (e.g. the default template) or the indicators given.</summary>
public sealed record CreateIndicatorSystem(string Name, Guid? BasedOn, IReadOnlyList<Indicator>? Indicators);

public sealed record ReviseIndicatorSystem(string Name, IReadOnlyList<Indicator> Indicators, long Version);

public sealed record IndicatorSystemDto(Guid Id, string Name, Guid? OwnerOrganizationId, int Number, Guid? PreviousId, bool InUse, bool IsDefault,
    IReadOnlyList<Indicator> Indicators, DateTime CreatedAt, long Version);

/// <summary>
/// Indicator systems: everyone in the back office reads them (the method is no secret); a purchaser copies the default
/// template or another system, revises its own while no evaluation uses it, and makes a new version after that.
/// </summary>
internal sealed class IndicatorSystemHandlers(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<IndicatorSystemDto>> ListAsync(CancellationToken ct)
    {
        await EnsureDefaultAsync(ct);
        var rows = await db.Set<IndicatorSystem>().AsNoTracking().OrderBy(s => s.OwnerOrganizationId != null).ThenByDescending(s => s.CreatedAt).Take(200).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<IndicatorSystemDto> GetAsync(Guid id, CancellationToken ct)
    {
        await EnsureDefaultAsync(ct);
        return ToDto(await db.Set<IndicatorSystem>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("IndicatorSystem.NotFound"));
    }

    public async Task<IndicatorSystemDto> CreateAsync(CreateIndicatorSystem request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = PurchaserOrganization();
        var indicators = request.Indicators;
        if (request.BasedOn is { } source)
        {
            indicators ??= (await GetAsync(source, ct)).Indicators;
        }

        var system = new IndicatorSystem(request.Name ?? "", owner, indicators ?? [], actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Add(system);
        await db.SaveChangesAsync(ct);
        return ToDto(system);
    }

    public async Task<IndicatorSystemDto> ReviseAsync(Guid id, ReviseIndicatorSystem request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var system = await OwnAsync(id, ct);
        db.ExpectVersion(system, request.Version);
        system.Revise(request.Name ?? "", request.Indicators ?? []);
        await db.SaveChangesAsync(ct);
        return ToDto(system);
    }

    /// <summary>A new version of a system (the way to change one in use); the old version stays as the evaluations used it.</summary>
    public async Task<IndicatorSystemDto> NewVersionAsync(Guid id, ReviseIndicatorSystem request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var system = await OwnAsync(id, ct);
        var next = system.NextVersion(request.Indicators ?? [], actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.Add(next);
        await db.SaveChangesAsync(ct);
        return ToDto(next);
    }

    /// <summary>Creates the default template the first time it is asked for (its fixed id makes a race create one row).</summary>
    public async Task EnsureDefaultAsync(CancellationToken ct)
    {
        if (await db.Set<IndicatorSystem>().AnyAsync(s => s.Id == DefaultTemplate.Id, ct))
        {
            return;
        }

        var template = IndicatorSystem.Template(DefaultTemplate.Id, DefaultTemplate.Name, DefaultTemplate.Indicators, clock.GetUtcNow().UtcDateTime);
        db.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(template).State = EntityState.Detached;
        }
    }

    private async Task<IndicatorSystem> OwnAsync(Guid id, CancellationToken ct)
    {
        var system = await db.Set<IndicatorSystem>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("IndicatorSystem.NotFound");
        if (!actor.IsPlatformAdmin && (system.OwnerOrganizationId is not { } owner || !actor.HasRoleIn(Roles.Purchaser, owner)))
        {
            throw DomainException.Forbidden("IndicatorSystem.NotYours");
        }

        return system;
    }

    private Guid? PurchaserOrganization()
    {
        if (actor.OrganizationsWithRole(Roles.Purchaser) is { Count: > 0 } orgs)
        {
            return orgs[0];
        }

        return actor.IsPlatformAdmin ? null : throw DomainException.Forbidden("IndicatorSystem.PurchasersOnly");
    }

    internal static IndicatorSystemDto ToDto(IndicatorSystem s) =>
        new(s.Id, s.Name, s.OwnerOrganizationId, s.Number, s.PreviousId, s.InUse, s.Id == DefaultTemplate.Id, s.Indicators, s.CreatedAt, s.Version);
}
