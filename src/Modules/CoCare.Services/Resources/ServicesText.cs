namespace CoCare.Services.Resources;

/// <summary>Marker for the Services module's strings (ServicesText.zh-CN.resx, ServicesText.en.resx).</summary>
public sealed class ServicesText
{
}
