using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCare.Data;

/// <summary>Marks columns that hold personal data or secrets; the audit log records only that they changed.</summary>
public static class PersonalData
{
    public const string Annotation = "CoCare:PersonalData";

    public const string Mask = "***";

    public static PropertyBuilder<T> IsPersonalData<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, true);

    public static bool IsPersonal(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;
}
