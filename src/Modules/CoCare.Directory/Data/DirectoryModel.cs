using CoCare.Data;
using CoCare.Directory.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Directory.Data;

/// <summary>The Directory module's tables (prefix dir_).</summary>
internal sealed class DirectoryModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(b =>
        {
            b.ToTable("dir_regions");
            b.HasKey(r => r.Code);
            b.Property(r => r.Code).HasMaxLength(12);
            b.Property(r => r.ParentCode).HasMaxLength(12);
            b.Property(r => r.Name).HasMaxLength(100).IsRequired();
            b.Property(r => r.Level).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(r => r.ParentCode);
            b.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("dir_organizations");
            b.Property(o => o.Name).HasMaxLength(200).IsRequired();
            b.Property(o => o.Type).HasConversion<string>().HasMaxLength(32);
            b.Property(o => o.RegionCode).HasMaxLength(12).IsRequired();
            b.HasIndex(o => new { o.RegionCode, o.Name }).IsUnique();
            b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Person>(b =>
        {
            b.ToTable("dir_people");
            b.Property(p => p.Name).HasMaxLength(100).IsRequired();
            b.Property(p => p.Position).HasMaxLength(100);
            b.HasIndex(p => p.OrganizationId);
            b.Property(p => p.CaregiverCertificate).HasMaxLength(50);
            b.Property(p => p.WorkRegionCode).HasMaxLength(12);
            b.HasIndex(p => new { p.WorkRegionCode, p.CareWorker });
            b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Membership>(b =>
        {
            b.ToTable("dir_memberships");
            b.Property(m => m.AccountId).HasMaxLength(64).IsRequired();
            b.Property(m => m.Role).HasMaxLength(32).IsRequired();
            b.Property(m => m.ScopeRegionCode).HasMaxLength(12).IsRequired();
            b.HasIndex(m => new { m.AccountId, m.OrganizationId, m.Role }).IsUnique();
            b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<CoCare.Data.Identity.UserAccount>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Region>().WithMany().HasForeignKey(m => m.ScopeRegionCode).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
