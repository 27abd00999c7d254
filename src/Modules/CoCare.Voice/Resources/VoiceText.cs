namespace CoCare.Voice.Resources;

/// <summary>Marker for the Voice module's strings (VoiceText.zh-CN.resx, VoiceText.en.resx).</summary>
public sealed class VoiceText
{
}
