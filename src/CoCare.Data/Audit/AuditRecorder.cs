using System.Text.Json;
using CoCare.Kernel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoCare.Data.Audit;

/// <summary>Turns the change tracker's pending changes into audit entries (not yet linked into the chain).</summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> SecretColumns =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Xml"];

    // Chinese stays readable in the log; the log is never written into HTML unescaped.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry and not DataProtectionKey && !entry.Metadata.IsTelemetry()
        && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    public static List<AuditEntry> Collect(IEnumerable<EntityEntry> entries, CurrentActor actor, DateTime now)
    {
        var time = AuditChain.TruncateToMicroseconds(now);
        var result = new List<AuditEntry>();
        foreach (var entry in entries.Where(IsAudited))
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            result.Add(new AuditEntry
            {
                Time = time,
                AccountId = actor.AccountId,
                UserName = actor.UserName,
                OrganizationId = actor.PrimaryOrganizationId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = Key(entry),
                Action = entry.State switch
                {
                    EntityState.Added => "Insert",
                    EntityState.Deleted => "Delete",
                    _ => "Update",
                },
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }

        return result;
    }

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static SortedDictionary<string, Dictionary<string, object?>> Changes(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var masked = property.Metadata.IsPersonal() || SecretColumns.Contains(property.Metadata.Name);
            object? Show(object? value) => masked && value is not null ? PersonalData.Mask : value;

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = new() { ["new"] = Show(property.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = new() { ["old"] = Show(property.OriginalValue) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) && !property.Metadata.IsTelemetry():
                    changes[property.Metadata.Name] = new() { ["old"] = Show(property.OriginalValue), ["new"] = Show(property.CurrentValue) };
                    break;
            }
        }

        return changes;
    }
}
