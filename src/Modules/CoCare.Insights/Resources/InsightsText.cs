namespace CoCare.Insights.Resources;

/// <summary>Marker for the Insights module's texts (InsightsText.zh-CN.resx, InsightsText.en.resx).</summary>
public sealed class InsightsText
{
}
