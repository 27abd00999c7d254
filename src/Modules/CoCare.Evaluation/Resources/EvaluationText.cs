namespace CoCare.Evaluation.Resources;

/// <summary>Marker for the Evaluation module's texts (EvaluationText.zh-CN.resx, EvaluationText.en.resx).</summary>
public sealed class EvaluationText
{
}
