namespace CoCare.Insights.UI.Charts;

/// <summary>A named row of values, one per label of a chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>Scale helpers shared by the charts: a "nice" top for the value axis and its ticks.</summary>
public static class ChartScale
{
    public static readonly string[] Colors = ["#1f4e79", "#b35900", "#2e7d32", "#6a1b9a"];

    /// <summary>The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the largest value (1 when all are zero).</summary>
    public static double NiceTop(IEnumerable<double> values)
    {
        var max = values.DefaultIfEmpty(0).Max();
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(top => top >= max);
    }

    public static string Number(double value, string format) => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
