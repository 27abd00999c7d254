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
            b.Property(e => e.AddressCipher).HasMaxLength(800).IsPersonalData();
            b.Property(e => e.AddressMasked).HasMaxLength(30);
            b.Property(e => e.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(e => e.Latitude).IsPersonalData();
            b.Property(e => e.Longitude).IsPersonalData();
            b.Property(e => e.LivingSituation).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Categories).HasJsonConversion();
            b.Property(e => e.Consents).HasJsonConversion();
            b.Property(e => e.CurrentLevel).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(e => e.IdNumberIndex).IsUnique();
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
    }
}
