namespace CoCare.Volunteers.Domain;

/// <summary>One month of a volunteer's confirmed service: the minutes confirmed and the meals delivered.</summary>
public sealed record ServiceMonth(int Year, int Month, int Minutes, int Meals, int Shifts);

/// <summary>What a volunteer gave in a period, as the honour board and the certificate show it.</summary>
public sealed record Standing(int Minutes, int Meals, int MonthsActive, int Shifts)
{
    public decimal Hours => Math.Round(Minutes / 60m, 1);

    /// <summary>Adds up the months; a month counts as active when at least one attended shift in it was confirmed.</summary>
    public static Standing Of(IEnumerable<ServiceMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var list = months.Where(m => m.Shifts > 0).ToList();
        return new Standing(list.Sum(m => m.Minutes), list.Sum(m => m.Meals), list.Select(m => (m.Year, m.Month)).Distinct().Count(), list.Sum(m => m.Shifts));
    }

    /// <summary>The board's order: more hours first, then more meals, then more months active.</summary>
    public static int Compare(Standing a, Standing b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = b.Minutes.CompareTo(a.Minutes);
        c = c != 0 ? c : b.Meals.CompareTo(a.Meals);
        return c != 0 ? c : b.MonthsActive.CompareTo(a.MonthsActive);
    }
}

/// <summary>The period a board or certificate covers: a calendar year, or the twelve months up to today.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public static Period For(int? year, DateOnly today) =>
        year is { } y ? new Period(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : new Period(today.AddMonths(-12).AddDays(1), today);
}
