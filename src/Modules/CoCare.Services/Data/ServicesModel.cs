using CoCare.Data;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Data;

/// <summary>The Services module's tables (prefix svc_).</summary>
internal sealed class ServicesModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceType>(b =>
        {
            b.ToTable("svc_service_types");
            b.Property(t => t.Code).HasMaxLength(30).IsRequired();
            b.Property(t => t.NameZh).HasMaxLength(50).IsRequired();
            b.Property(t => t.NameEn).HasMaxLength(80).IsRequired();
            b.Property(t => t.Unit).HasConversion<string>().HasMaxLength(10);
            b.Property(t => t.VolunteerSkill).HasMaxLength(30);
            b.Ignore(t => t.ListPrice);
            b.HasIndex(t => t.Code).IsUnique();
        });

        modelBuilder.Entity<SubsidyRule>(b =>
        {
            b.ToTable("svc_subsidy_rules");
            b.Property(r => r.ServiceTypeCode).HasMaxLength(30).IsRequired();
            b.Property(r => r.Name).HasMaxLength(100).IsRequired();
            b.Property(r => r.Condition).HasJsonConversion();
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(r => r.CreatedBy).HasMaxLength(256);
            b.HasIndex(r => new { r.ServiceTypeCode, r.ValidFrom });
        });


        modelBuilder.Entity<ServicePoint>(b =>
        {
            b.ToTable("svc_service_points");
            b.Property(p => p.Name).HasMaxLength(60).IsRequired();
            b.Property(p => p.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(p => p.Address).HasMaxLength(200);
            b.Property(p => p.Sessions).HasJsonConversion();
            b.Ignore(p => p.Location);
            b.HasIndex(p => p.RegionCode);
        });

        modelBuilder.Entity<DailyMenu>(b =>
        {
            b.ToTable("svc_menus");
            b.Property(m => m.Dishes).HasJsonConversion();
            b.HasIndex(m => new { m.ServicePointId, m.Day }).IsUnique();
            b.HasOne<ServicePoint>().WithMany().HasForeignKey(m => m.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ServiceDayCount>(b =>
        {
            // Written only by the triggers the migrations install on svc_meal_checkins and svc_orders.
            b.ToTable("svc_day_counts");
            b.HasKey(c => new { c.VillageCode, c.Day, c.Kind });
            b.Property(c => c.VillageCode).HasMaxLength(12);
            b.Property(c => c.Kind).HasMaxLength(12);
        });

        modelBuilder.Entity<MealCheckIn>(b =>
        {
            b.ToTable("svc_meal_checkins");
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.ElderName).HasMaxLength(50).IsRequired();
            b.Property(c => c.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(c => c.Session).HasMaxLength(20).IsRequired();
            b.Property(c => c.Method).HasConversion<string>().HasMaxLength(12);
            b.Property(c => c.Payment).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.PaymentReference).HasMaxLength(64);
            b.Property(c => c.SubsidyName).HasMaxLength(100);
            b.Property(c => c.NotApplied).HasMaxLength(60);
            b.Property(c => c.RecordedBy).HasMaxLength(256);
            b.Ignore(c => c.Price);
            b.HasIndex(c => new { c.ServicePointId, c.Day, c.At });
            b.HasIndex(c => new { c.VillageCode, c.Day });

            // The once-a-day subsidy, kept by the database too: several nodes may take check-ins for the same elder.
            b.HasIndex(c => new { c.ElderId, c.SubsidisedDay }).IsUnique();
            b.HasOne<ServicePoint>().WithMany().HasForeignKey(c => c.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        });


        modelBuilder.Entity<ServiceOrder>(b =>
        {
            b.ToTable("svc_orders");
            b.Property(o => o.ElderName).HasMaxLength(50).IsRequired();
            b.Property(o => o.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(o => o.ServiceTypeCode).HasMaxLength(30).IsRequired();
            b.Property(o => o.Source).HasConversion<string>().HasMaxLength(12);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(o => o.ConfirmedBy).HasConversion<string>().HasMaxLength(24);
            b.Property(o => o.WorkerId).HasMaxLength(450);
            b.Property(o => o.WorkerName).HasMaxLength(100);
            b.Property(o => o.CancelReason).HasMaxLength(500);
            b.Property(o => o.PriorityReason).HasMaxLength(200);
            b.Property(o => o.SubsidyName).HasMaxLength(100);
            b.Property(o => o.RequestedBy).HasMaxLength(256);
            b.Property(o => o.CheckInPoint).HasJsonConversion().IsPersonalData();
            b.Property(o => o.CheckOutPoint).HasJsonConversion().IsPersonalData();
            b.Property(o => o.FraudSignals).HasJsonConversion();
            b.Ignore(o => o.Minutes);
            b.HasIndex(o => new { o.VillageCode, o.Status });
            b.HasIndex(o => new { o.WorkerId, o.Status, o.ScheduledFor });
            b.HasIndex(o => new { o.ElderId, o.RequestedAt });
            b.HasIndex(o => new { o.FraudSignalCount, o.CompletedAt });
            b.HasIndex(o => new { o.Status, o.CompletedAt });
        });
    }
}
