using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Canteen;

public sealed record SaveServicePoint(string Name, string RegionCode, string? Address, double? Latitude, double? Longitude, int SeatsPerSession,
    IReadOnlyList<MealSession> Sessions, bool IsActive = true, long Version = 0);

public sealed record ServicePointDto(Guid Id, string Name, string RegionCode, string Address, double? Latitude, double? Longitude, int SeatsPerSession,
    IReadOnlyList<MealSession> Sessions, bool IsActive, long Version);

public sealed record SaveMenu(IReadOnlyList<Dish> Dishes);

public sealed record MenuDto(Guid ServicePointId, DateOnly Day, IReadOnlyList<Dish> Dishes);

/// <summary>A diner the counter found by name: enough to tell two of the same name apart, nothing more.</summary>
public sealed record DinerDto(Guid ElderId, string Name, int Age, string VillageCode);

public sealed record SessionCount(string Name, TimeOnly Opens, TimeOnly Closes, int Served, int Seats);

public sealed record TodayDto(Guid ServicePointId, string Name, DateOnly Day, string? OpenSession, int Served, int Expected, int Left, long SubsidyFen, long PaidFen,
    IReadOnlyList<SessionCount> Sessions, IReadOnlyList<string> NotYetServed, IReadOnlyList<CheckInDto> Recent);

/// <summary>
/// Service points, their menus, the counter's search and the live "today" view. Staff see the points that serve
/// their regions; the purchaser, the provider and administrators set them up.
/// </summary>
internal sealed class CanteenHandlers(AppDbContext db, CurrentActor actor, IElderFacts elders, IDirectory directory, CanteenLookups lookups, TimeProvider clock)
{
    public async Task<IReadOnlyList<ServicePointDto>> ListPointsAsync(CancellationToken ct)
    {
        var points = await db.Set<ServicePoint>().AsNoTracking().OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ToListAsync(ct);
        return points.Where(Visible).Select(ToDto).ToList();
    }

    public async Task<ServicePointDto> GetPointAsync(Guid id, CancellationToken ct) => ToDto(await FindPointAsync(id, ct));

    public async Task<ServicePointDto> SavePointAsync(Guid? id, SaveServicePoint request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Purchaser) && !actor.IsInRole(Roles.Provider))
        {
            throw DomainException.Forbidden("Canteen.ManagersOnly");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 60)
        {
            throw new DomainException("Canteen.Name", ErrorKind.Validation, "name");
        }

        if (!RegionCode.IsWellFormed(request.RegionCode) || !actor.Covers(request.RegionCode) || !await directory.RegionExistsAsync(request.RegionCode, ct))
        {
            throw new DomainException("Canteen.Region", ErrorKind.Validation, "regionCode");
        }

        if (request.Address is { Length: > 200 })
        {
            throw new DomainException("Canteen.Address", ErrorKind.Validation, "address");
        }

        if ((request.Latitude is null) != (request.Longitude is null))
        {
            throw new DomainException("Canteen.Location", ErrorKind.Validation, "latitude");
        }

        ServicePoint point;
        if (id is { } existing)
        {
            point = await db.Set<ServicePoint>().FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw DomainException.NotFound("Canteen.NotFound");
            if (!Visible(point))
            {
                throw DomainException.NotFound("Canteen.NotFound");
            }

            db.ExpectVersion(point, request.Version);
        }
        else
        {
            point = new ServicePoint(request.Name.Trim(), request.RegionCode);
            db.Add(point);
        }

        var location = request.Latitude is { } lat && request.Longitude is { } lon ? new GeoPoint(lat, lon) : null;
        point.Describe(request.Name.Trim(), request.RegionCode, request.Address?.Trim() ?? "", location, request.SeatsPerSession, request.Sessions ?? [], request.IsActive);
        await db.SaveChangesAsync(ct);
        lookups.Forget(point.Id);
        return ToDto(point);
    }

    public async Task<MenuDto> GetMenuAsync(Guid pointId, DateOnly? day, CancellationToken ct)
    {
        var point = await FindPointAsync(pointId, ct);
        var on = day ?? Today;
        var menu = await db.Set<DailyMenu>().AsNoTracking().FirstOrDefaultAsync(m => m.ServicePointId == point.Id && m.Day == on, ct);
        return new MenuDto(point.Id, on, menu?.Dishes ?? []);
    }

    public async Task<MenuDto> SaveMenuAsync(Guid pointId, DateOnly day, SaveMenu request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var point = await FindPointAsync(pointId, ct);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Provider))
        {
            throw DomainException.Forbidden("Canteen.ProvidersOnly");
        }

        var menu = await db.Set<DailyMenu>().FirstOrDefaultAsync(m => m.ServicePointId == point.Id && m.Day == day, ct);
        if (menu is null)
        {
            menu = new DailyMenu(point.Id, day);
            db.Add(menu);
        }

        menu.SetDishes(request.Dishes ?? []);
        await db.SaveChangesAsync(ct);
        return new MenuDto(point.Id, day, menu.Dishes);
    }

    /// <summary>The counter's search by name: elders the point serves, in the caller's regions.</summary>
    public async Task<IReadOnlyList<DinerDto>> FindDinersAsync(Guid pointId, string? name, CancellationToken ct)
    {
        var point = await FindPointAsync(pointId, ct);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            throw new DomainException("Canteen.SearchName", ErrorKind.Validation, "name");
        }

        var found = await elders.FindByNameAsync(name, point.RegionCode, 20, ct);
        return found.Select(e => new DinerDto(e.Id, e.Name, e.AgeOn(Today), e.VillageCode)).ToList();
    }

    /// <summary>The live view of a point today: served per session, the regulars (dined here in the last 7 days) not yet in, the latest check-ins.</summary>
    public async Task<TodayDto> TodayAsync(Guid pointId, CancellationToken ct)
    {
        var point = await FindPointAsync(pointId, ct);
        var today = Today;
        var meals = db.Set<MealCheckIn>().AsNoTracking().Where(c => c.ServicePointId == point.Id);
        var served = await meals.Where(c => c.Day == today).GroupBy(c => c.Session)
            .Select(g => new { Session = g.Key, Count = g.Count(), Subsidy = g.Sum(c => c.SubsidyFen), Paid = g.Sum(c => c.PaidFen) }).ToListAsync(ct);
        var weekAgo = today.AddDays(-7);
        var regulars = await meals.Where(c => c.Day >= weekAgo && c.Day < today).Select(c => new { c.ElderId, c.ElderName }).Distinct().ToListAsync(ct);
        var inToday = (await meals.Where(c => c.Day == today).Select(c => c.ElderId).Distinct().ToListAsync(ct)).ToHashSet();
        var recent = await meals.Where(c => c.Day == today).OrderByDescending(c => c.At).Take(20).ToListAsync(ct);
        var notYet = regulars.Where(r => !inToday.Contains(r.ElderId)).Select(r => r.ElderName).Distinct().Order(StringComparer.Ordinal).ToList();
        var sessions = point.Sessions.Select(s => new SessionCount(s.Name, s.Opens, s.Closes, served.Where(x => x.Session == s.Name).Sum(x => x.Count), point.SeatsPerSession)).ToList();
        var expected = regulars.Select(r => r.ElderId).Distinct().Count();
        var servedElders = inToday.Count;
        return new TodayDto(point.Id, point.Name, today, point.SessionAt(ChinaTime.TimeOfDay(Now))?.Name, served.Sum(x => x.Count), expected,
            Math.Max(0, expected - regulars.Select(r => r.ElderId).Distinct().Count(inToday.Contains)), served.Sum(x => x.Subsidy), served.Sum(x => x.Paid),
            sessions, notYet, recent.Select(CheckInDto.From).ToList());
    }

    internal async Task<ServicePoint> FindPointAsync(Guid id, CancellationToken ct)
    {
        var point = await db.Set<ServicePoint>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return point is not null && Visible(point) ? point : throw DomainException.NotFound("Canteen.NotFound");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ChinaTime.Day(Now);

    private bool Visible(ServicePoint p) => IsVisible(p, actor);

    /// <summary>A point is visible to those whose regions it serves or who cover it.</summary>
    internal static bool IsVisible(ServicePoint p, CurrentActor actor) =>
        actor.IsPlatformAdmin || actor.Covers(p.RegionCode) || actor.ScopeRegions.Any(scope => RegionCode.IsWithin(scope, p.RegionCode));

    private static ServicePointDto ToDto(ServicePoint p) =>
        new(p.Id, p.Name, p.RegionCode, p.Address, p.Latitude, p.Longitude, p.SeatsPerSession, p.Sessions, p.IsActive, p.Version);
}
