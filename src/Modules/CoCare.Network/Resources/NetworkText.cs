namespace CoCare.Network.Resources;

/// <summary>Marker for the Network module's strings (NetworkText.zh-CN.resx, NetworkText.en.resx).</summary>
public sealed class NetworkText
{
}
