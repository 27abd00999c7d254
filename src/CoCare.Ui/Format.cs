using System.Globalization;
using CoCare.Kernel;

namespace CoCare.Ui;

/// <summary>How money, dates and times look on every page. People here read Beijing time (UTC+8).</summary>
public static class Format
{
    public static readonly TimeSpan Beijing = ChinaTime.Offset;

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Beijing calendar day of a UTC instant.</summary>
    public static string Day(DateTime utc) => (utc + Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Beijing clock time (HH:mm) of a UTC instant.</summary>
    public static string Clock(DateTime utc) => (utc + Beijing).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } t ? (t + Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static long ToFen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
