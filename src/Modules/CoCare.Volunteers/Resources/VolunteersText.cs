namespace CoCare.Volunteers.Resources;

/// <summary>Marker for the Volunteers module's strings (VolunteersText.zh-CN.resx, VolunteersText.en.resx).</summary>
public sealed class VolunteersText
{
}
