namespace CoCare.Alerts.Resources;

/// <summary>Marker for the Alerts module's strings (AlertsText.zh-CN.resx, AlertsText.en.resx).</summary>
public sealed class AlertsText
{
}
