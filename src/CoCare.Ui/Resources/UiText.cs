namespace CoCare.Ui.Resources;

/// <summary>Marker for the shared components' strings (UiText.zh-CN.resx, UiText.en.resx).</summary>
public sealed class UiText
{
}
