namespace CoCare.Residents.Resources;

/// <summary>Marker for the Residents module's strings (ResidentsText.zh-CN.resx, ResidentsText.en.resx).</summary>
public sealed class ResidentsText
{
}
