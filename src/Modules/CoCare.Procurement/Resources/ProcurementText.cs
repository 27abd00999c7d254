namespace CoCare.Procurement.Resources;

/// <summary>Marker for the Procurement module's strings (ProcurementText.zh-CN.resx, ProcurementText.en.resx).</summary>
public sealed class ProcurementText
{
}
