using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCare.Data;

/// <summary>
/// Marks what machines report — a device's last-seen time, battery and firmware, its days' heartbeat counts — rather
/// than what a person changed: the audit log leaves these out (a fleet reporting every few minutes would otherwise add
/// thousands of entries a second and say nothing about who did what). Registering, rotating or retiring a device is
/// still audited.
/// </summary>
public static class Telemetry
{
    public const string Annotation = "CoCare:Telemetry";

    public static PropertyBuilder<T> IsTelemetry<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static EntityTypeBuilder<T> IsTelemetry<T>(this EntityTypeBuilder<T> entity)
        where T : class => entity.HasAnnotation(Annotation, true);

    public static bool IsTelemetry(this IReadOnlyAnnotatable item) => item.FindAnnotation(Annotation)?.Value is true;
}
