namespace CoCare.Kernel;

/// <summary>The clock people here live by: Beijing time (UTC+8, no daylight saving). Days, sessions and "today" are counted in it.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Local(DateTime utc) => utc + Offset;

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static TimeOnly TimeOfDay(DateTime utc) => TimeOnly.FromDateTime(utc + Offset);

    /// <summary>The UTC instant of a Beijing day and time.</summary>
    public static DateTime Utc(DateOnly day, TimeOnly time) => DateTime.SpecifyKind(day.ToDateTime(time) - Offset, DateTimeKind.Utc);
}
