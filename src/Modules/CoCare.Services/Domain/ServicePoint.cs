using CoCare.Kernel;

namespace CoCare.Services.Domain;

/// <summary>An opening session of a service point, e.g. lunch 11:00–13:00 (Beijing time).</summary>
public sealed record MealSession(string Name, TimeOnly Opens, TimeOnly Closes)
{
    public bool IsOpenAt(TimeOnly time) => Opens <= time && time < Closes;
}

/// <summary>
/// A service point (服务点): a canteen such as the restored drum tower, with the region it serves, its seats per
/// session and its opening sessions. Elders registered under <see cref="RegionCode"/> may dine here.
/// </summary>
public sealed class ServicePoint : Entity
{
    private ServicePoint()
    {
    }

    public ServicePoint(string name, string regionCode) => (Name, RegionCode) = (name, regionCode);

    public string Name { get; private set; } = "";

    /// <summary>The village (or a wider region) whose elders this point serves.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>Where the point is (a public place), the start and end of delivery routes.</summary>
    public string Address { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public int SeatsPerSession { get; private set; }

    public List<MealSession> Sessions { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    public void Describe(string name, string regionCode, string address, GeoPoint? location, int seatsPerSession, IEnumerable<MealSession> sessions, bool active)
    {
        var list = sessions.OrderBy(s => s.Opens).ToList();
        if (seatsPerSession is < 1 or > 10_000)
        {
            throw new DomainException("Canteen.Seats", ErrorKind.Validation, "seatsPerSession");
        }

        if (list.Count == 0 || list.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 20 || s.Closes <= s.Opens)
            || list.Zip(list.Skip(1)).Any(p => p.Second.Opens < p.First.Closes))
        {
            throw new DomainException("Canteen.Sessions", ErrorKind.Validation, "sessions");
        }

        if (location is { IsValid: false })
        {
            throw new DomainException("Canteen.Location", ErrorKind.Validation, "latitude");
        }

        (Name, RegionCode, Address, Latitude, Longitude, SeatsPerSession, Sessions, IsActive) =
            (name, regionCode, address, location?.Latitude, location?.Longitude, seatsPerSession, list, active);
    }

    /// <summary>The session open at a Beijing time of day, or null when the point is closed then.</summary>
    public MealSession? SessionAt(TimeOnly time) => Sessions.FirstOrDefault(s => s.IsOpenAt(time));

    public bool Serves(string villageCode) => Kernel.RegionCode.IsWithin(villageCode, RegionCode);

    /// <summary>The session an elder may dine in now, or the rule that refuses them: not served here, or closed at this hour.</summary>
    public MealSession Admit(ElderFacts elder, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(elder);
        if (!IsActive)
        {
            throw DomainException.Conflict("Canteen.Inactive", null, Name);
        }

        if (!Serves(elder.VillageCode))
        {
            throw DomainException.Conflict("Canteen.OutsideScope", null, elder.Name, Name);
        }

        return SessionAt(ChinaTime.TimeOfDay(nowUtc))
            ?? throw DomainException.Conflict("Canteen.Closed", null, Name, string.Join("、", Sessions.Select(s => $"{s.Name} {s.Opens:HH:mm}–{s.Closes:HH:mm}")));
    }
}

/// <summary>A dish on a day's menu, marked soft (软烂) or low-salt (低盐) for elders who need it.</summary>
public sealed record Dish(string Name, bool Soft, bool LowSalt);

/// <summary>A service point's menu for one day (每日菜单).</summary>
public sealed class DailyMenu : Entity
{
    private DailyMenu()
    {
    }

    public DailyMenu(Guid servicePointId, DateOnly day) => (ServicePointId, Day) = (servicePointId, day);

    public Guid ServicePointId { get; private set; }

    public DateOnly Day { get; private set; }

    public List<Dish> Dishes { get; private set; } = [];

    public void SetDishes(IEnumerable<Dish> dishes)
    {
        var list = dishes.Select(d => d with { Name = d.Name?.Trim() ?? "" }).ToList();
        if (list.Count is 0 or > 30 || list.Any(d => d.Name.Length is 0 or > 40))
        {
            throw new DomainException("Menu.Dishes", ErrorKind.Validation, "dishes");
        }

        Dishes = list;
    }
}
