namespace CoCare.Directory.Resources;

/// <summary>Marker for the Directory module's strings (DirectoryText.zh-CN.resx, DirectoryText.en.resx).</summary>
public sealed class DirectoryText
{
}
