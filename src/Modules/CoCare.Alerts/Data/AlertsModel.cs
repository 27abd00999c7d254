using CoCare.Alerts.Domain;
using CoCare.Data;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Alerts.Data;

/// <summary>The Alerts module's tables (prefix alr_).</summary>
internal sealed class AlertsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Device>(b =>
        {
            b.ToTable("alr_devices");
            b.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(d => d.Serial).HasMaxLength(64).IsRequired();
            b.Property(d => d.Model).HasMaxLength(64).IsRequired();
            b.Property(d => d.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(d => d.KeyId).HasMaxLength(40).IsRequired();
            b.Property(d => d.SecretCipher).HasMaxLength(200).IsRequired();
            b.Property(d => d.Firmware).HasMaxLength(40).IsTelemetry();
            b.Property(d => d.AddressCipher).HasMaxLength(1200).IsPersonalData();
            b.Property(d => d.BatteryPercent).IsTelemetry();
            b.Property(d => d.LastHeartbeatAt).IsTelemetry();
            b.Property(d => d.LastActivityAt).IsTelemetry();
            b.Property(d => d.Version).IsTelemetry();
            b.HasIndex(d => d.Serial).IsUnique();
            b.HasIndex(d => d.KeyId).IsUnique();
            b.HasIndex(d => new { d.VillageCode, d.Status });
            b.HasIndex(d => d.ElderId);
        });

        modelBuilder.Entity<DutyShift>(b =>
        {
            b.ToTable("alr_duty_shifts");
            b.Property(d => d.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.AccountId).HasMaxLength(64).IsRequired();
            b.Property(d => d.AccountName).HasMaxLength(100).IsRequired();
            b.Property(d => d.CreatedBy).HasMaxLength(64).IsRequired();
            b.HasIndex(d => new { d.VillageCode, d.EndsAt });
        });

        modelBuilder.Entity<DeviceEvent>(b =>
        {
            b.ToTable("alr_events");
            b.Property(e => e.EventId).HasMaxLength(64).IsRequired();
            b.Property(e => e.Type).HasConversion<string>().HasMaxLength(12);
            b.Property(e => e.Channel).HasMaxLength(8).IsRequired();
            b.Property(e => e.Payload).HasMaxLength(4096);
            b.HasIndex(e => new { e.DeviceId, e.EventId }).IsUnique();
            b.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Alert>(b =>
        {
            b.ToTable("alr_alerts");
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(14);
            b.Property(a => a.VillageCode).HasMaxLength(12).IsRequired();
            b.HasIndex(a => a.EventId).IsUnique();
            b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(12);
            b.Property(a => a.AcknowledgedBy).HasMaxLength(64);
            b.Property(a => a.FamilyInformedBy).HasMaxLength(64);
            b.Property(a => a.ResolutionNote).HasMaxLength(1000);
            b.Property(a => a.Ladder).HasJsonConversion();
            b.Ignore(a => a.IsOpen);
            b.HasIndex(a => new { a.VillageCode, a.Status, a.RaisedAt });
            b.HasIndex(a => new { a.Status, a.EscalatesAt });
            b.HasIndex(a => new { a.ElderId, a.Kind, a.RaisedAt });
            b.HasOne<DeviceEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ResponderPosition>(b =>
        {
            b.ToTable("alr_responder_positions");
            b.Property(p => p.AccountId).HasMaxLength(64).IsRequired();
            b.Property(p => p.PointCipher).HasMaxLength(512).IsRequired();
            b.HasIndex(p => p.AccountId).IsUnique();
        });

        modelBuilder.Entity<AlertRule>(b =>
        {
            b.ToTable("alr_rules");
            b.Property(r => r.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(r => r.UpdatedBy).HasMaxLength(64).IsRequired();
            b.Ignore(r => r.Settings);
            b.HasIndex(r => new { r.VillageCode, r.ElderId }).IsUnique();
        });

        modelBuilder.Entity<DeviceDay>(b =>
        {
            b.ToTable("alr_device_days");
            b.IsTelemetry();
            b.HasIndex(d => new { d.DeviceId, d.Day }).IsUnique();
            b.HasIndex(d => d.Day);
            b.HasOne<Device>().WithMany().HasForeignKey(d => d.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MaintenanceTask>(b =>
        {
            b.ToTable("alr_maintenance");
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(t => t.VillageCode).HasMaxLength(12).IsRequired();
            b.HasIndex(t => new { t.DeviceId, t.Kind, t.ClosedAt });
            b.HasIndex(t => new { t.VillageCode, t.ClosedAt, t.OpenedAt });
            b.HasOne<Device>().WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
