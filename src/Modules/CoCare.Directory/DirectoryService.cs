using CoCare.Data;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Directory;

/// <summary>The Directory module's public service for other modules.</summary>
internal sealed class DirectoryService(AppDbContext db) : IDirectory
{
    public Task<bool> RegionExistsAsync(string code, CancellationToken ct) =>
        db.Set<Region>().AnyAsync(r => r.Code == code && r.IsActive, ct);

    public async Task<IReadOnlyList<(string Code, string Name)>> RegionsUnderAsync(IReadOnlyList<string>? scopeCodes, int max, CancellationToken ct)
    {
        var q = db.Set<Region>().AsNoTracking().Where(r => r.IsActive);
        if (scopeCodes is not null)
        {
            q = q.WhereRegionUnder(r => r.Code, RegionCode.Prefixes(scopeCodes));
        }

        var regions = await q.OrderBy(r => r.Code).Take(max).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return regions.Select(r => (r.Code, r.Name)).ToList();
    }

    public async Task<IReadOnlyList<RegionFacts>> RegionTreeAsync(string code, CancellationToken ct) =>
        await db.Set<Region>().AsNoTracking().Where(r => r.IsActive).WhereRegionUnder(r => r.Code, RegionCode.Prefixes([code])).OrderBy(r => r.Code)
            .Select(r => new RegionFacts(r.Code, r.Name, r.Level, r.ParentCode, r.Kind == RegionKind.Urban)).ToListAsync(ct);

    public async Task<OrganizationInfo?> FindOrganizationAsync(Guid id, CancellationToken ct) =>
        (await OrganizationsAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, OrganizationInfo>> OrganizationsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Organization>().AsNoTracking().Where(o => list.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganizationInfo(o.Id, o.Name, o.RegionCode, o.Type.ToString(), o.IsActive), ct);
    }

    public async Task<IReadOnlyList<OrganizationInfo>> OrganizationsOfTypeAsync(string type, CancellationToken ct)
    {
        if (!Enum.TryParse<OrganizationType>(type, out var t))
        {
            return [];
        }

        return await db.Set<Organization>().AsNoTracking().Where(o => o.IsActive && o.Type == t).OrderBy(o => o.Name).Take(200)
            .Select(o => new OrganizationInfo(o.Id, o.Name, o.RegionCode, o.Type.ToString(), o.IsActive)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> AccountNamesAsync(IEnumerable<string> accountIds, CancellationToken ct)
    {
        var list = accountIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName + " (" + u.UserName + ")", ct);
    }

    public async Task<IReadOnlyList<(string Id, string Name)>> AccountsWithRolesAsync(IReadOnlyList<string> roles, string regionCode, CancellationToken ct)
    {
        var memberships = await db.Set<Membership>().AsNoTracking().Where(m => m.IsActive && roles.Contains(m.Role))
            .Select(m => new { m.AccountId, m.ScopeRegionCode }).ToListAsync(ct);
        var ids = memberships.Where(m => RegionCode.IsWithin(m.ScopeRegionCode, regionCode) || RegionCode.IsWithin(regionCode, m.ScopeRegionCode))
            .Select(m => m.AccountId).Distinct().ToList();
        var names = await AccountNamesAsync(ids, ct);
        return names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => (n.Key, n.Value)).ToList();
    }
}
