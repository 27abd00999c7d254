using CoCare.Data;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Data;

/// <summary>The Residents module's tables (prefix res_). Personal columns hold ciphertext and are masked in the audit log.</summary>
internal sealed class ResidentsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Elder>(b =>
        {
            b.ToTable("res_elders");
            b.Property(e => e.Name).HasMaxLength(50).IsRequired();
            b.Property(e => e.Gender).HasConversion<string>().HasMaxLength(10);
            b.Property(e => e.IdNumberCipher).HasMaxLength(200).IsRequired().IsPersonalData();
            b.Property(e => e.IdNumberIndex).HasMaxLength(64).IsRequired().IsPersonalData();
            b.Property(e => e.IdNumberMasked).HasMaxLength(18).IsRequired();
            b.Property(e => e.PhoneCipher).HasMaxLength(200).IsPersonalData();
            b.Property(e => e.PhoneMasked).HasMaxLength(20);
            b.Property(e => e.AddressCipher).HasMaxLength(1200).IsPersonalData(); // 200 characters of up to 4 bytes, encrypted and base64-encoded
            b.Property(e => e.AddressMasked).HasMaxLength(30);
            b.Property(e => e.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(e => e.FamilyContactsCipher).HasMaxLength(4000).IsPersonalData(); // 5 contacts as JSON, where a rare character (生僻字, 4 bytes) is escaped to 12
            b.Property(e => e.FamilyContactsMasked).HasJsonConversion();
            b.Property(e => e.Latitude).IsPersonalData();
            b.Property(e => e.Longitude).IsPersonalData();
            b.Property(e => e.LivingSituation).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Categories).HasJsonConversion();
            b.Property(e => e.Consents).HasJsonConversion();
            b.Property(e => e.CurrentLevel).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.ServiceCardNumber).HasMaxLength(ServiceCard.Length);
            b.Property(e => e.CardConfirmationCode).HasMaxLength(4);
            b.HasIndex(e => e.IdNumberIndex).IsUnique();
            b.HasIndex(e => e.ServiceCardNumber).IsUnique();
            b.HasIndex(e => new { e.VillageCode, e.Name });
        });

        modelBuilder.Entity<Assessment>(b =>
        {
            b.ToTable("res_assessments");
            b.Property(a => a.AssessorA).HasMaxLength(100).IsRequired();
            b.Property(a => a.AssessorB).HasMaxLength(100).IsRequired();
            b.Property(a => a.Scores).HasJsonConversion().IsPersonalData();
            b.Property(a => a.Conditions).HasJsonConversion().IsPersonalData();
            b.Property(a => a.LevelFromTotal).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Adjustment).HasMaxLength(30);
            b.Property(a => a.RecordedBy).HasMaxLength(256);
            b.HasIndex(a => new { a.ElderId, a.Date });
            b.HasOne<Elder>().WithMany().HasForeignKey(a => a.ElderId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Need>(b =>
        {
            b.ToTable("res_needs");
            b.Property(n => n.Category).HasConversion<string>().HasMaxLength(30);
            b.Property(n => n.Urgency).HasConversion<string>().HasMaxLength(10);
            b.Property(n => n.Source).HasConversion<string>().HasMaxLength(20);
            b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(n => n.Detail).HasMaxLength(1000).IsRequired().IsPersonalData();
            b.Property(n => n.ClosedReason).HasMaxLength(500);
            b.Property(n => n.RecordedBy).HasMaxLength(256);
            b.Ignore(n => n.IsClosed);
            b.HasIndex(n => new { n.ElderId, n.Status });
            b.HasIndex(n => new { n.Status, n.Category });
            b.HasIndex(n => n.RecordedAt);
            b.HasOne<Elder>().WithMany().HasForeignKey(n => n.ElderId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<HomeVisit>().WithMany().HasForeignKey(n => n.HomeVisitId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<HomeVisit>(b =>
        {
            b.ToTable("res_home_visits");
            b.Property(v => v.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(v => v.Participants).HasJsonConversion();
            b.Property(v => v.ElderIds).HasJsonConversion();
            b.Property(v => v.Observations).HasMaxLength(4000).IsPersonalData();
            b.Property(v => v.RecordedBy).HasMaxLength(256);
            b.HasIndex(v => new { v.VillageCode, v.Date });
            b.HasIndex(v => v.FollowUpDate);
        });

        modelBuilder.Entity<CollectiveIssue>(b =>
        {
            b.ToTable("res_collective_issues");
            b.Property(i => i.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(i => i.Title).HasMaxLength(200).IsRequired();
            b.Property(i => i.NeedIds).HasJsonConversion();
            b.Property(i => i.Supporters).HasJsonConversion();
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(i => i.CreatedBy).HasMaxLength(256);
            b.HasIndex(i => new { i.VillageCode, i.CreatedAt });
        });

        modelBuilder.Entity<ServiceListItem>(b =>
        {
            b.ToTable("res_service_list_items");
            b.Property(i => i.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(i => i.ServiceType).HasConversion<string>().HasMaxLength(30);
            b.Property(i => i.Title).HasMaxLength(200).IsRequired();
            b.Property(i => i.Period).HasConversion<string>().HasMaxLength(10);
            b.Property(i => i.NeedIds).HasJsonConversion();
            b.Property(i => i.ElderIds).HasJsonConversion();
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.ReviewNote).HasMaxLength(500);
            b.Property(i => i.ReviewedBy).HasMaxLength(256);
            b.Property(i => i.CreatedBy).HasMaxLength(256);
            b.HasIndex(i => new { i.VillageCode, i.Status });
        });

        modelBuilder.Entity<VisitPlanEntry>(b =>
        {
            b.ToTable("res_visit_plan_entries");
            b.Property(p => p.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(p => p.Visitors).HasJsonConversion();
            b.Property(p => p.PlannedBy).HasMaxLength(256);
            b.HasIndex(p => new { p.WeekStart, p.ElderId }).IsUnique();
            b.HasIndex(p => new { p.VillageCode, p.WeekStart });
            b.HasOne<Elder>().WithMany().HasForeignKey(p => p.ElderId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RosterImport>(b =>
        {
            b.ToTable("res_roster_imports");
            b.Property(i => i.FileName).HasMaxLength(255).IsRequired();
            b.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
            b.Property(i => i.IgnoredColumns).HasJsonConversion();
            b.Property(i => i.ReportFile).HasMaxLength(32);
            b.Property(i => i.ImportedBy).HasMaxLength(256).IsRequired();
            b.HasIndex(i => i.ImportedAt);
        });
    }
}
