namespace CoCare.Web.Resources;

/// <summary>Marker for the host's strings: navigation, sign-in, error titles (WebText.zh-CN.resx, WebText.en.resx).</summary>
public sealed class WebText
{
}
