using CoCare.Data;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Data;

/// <summary>The Procurement module's tables (prefix proc_). Value-object lists are JSON columns.</summary>
internal sealed class ProcurementModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PurchaseProject>(b =>
        {
            b.ToTable("proc_projects");
            b.Property(p => p.Title).HasMaxLength(200).IsRequired();
            b.Property(p => p.FundingSource).HasConversion<string>().HasMaxLength(32);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
            b.Property(p => p.RegionCodes).HasJsonConversion();
            b.Property(p => p.Items).HasJsonConversion();
            b.Property(p => p.KpiTargets).HasJsonConversion();
            b.Property(p => p.Phases).HasJsonConversion();
            b.Property(p => p.Evaluations).HasJsonConversion();
            b.Property(p => p.ReviewCriteria).HasJsonConversion();
            b.Property(p => p.CallDescription).HasMaxLength(4000);
            b.Property(p => p.AwardReason).HasMaxLength(2000);
            b.Property(p => p.AwardedBy).HasMaxLength(256);
            b.Ignore(p => p.Budget);
            b.HasIndex(p => p.PurchaserOrganizationId);
            b.HasIndex(p => p.UpdatedAt);
        });

        modelBuilder.Entity<Application>(b =>
        {
            b.ToTable("proc_applications");
            b.Property(a => a.Approach).HasMaxLength(8000);
            b.Property(a => a.Team).HasMaxLength(4000);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            b.Property(a => a.BudgetLines).HasJsonConversion();
            b.Ignore(a => a.TotalFen);
            b.HasIndex(a => new { a.ProjectId, a.ProviderOrganizationId }).IsUnique();
            b.HasOne<PurchaseProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Attachment>(b =>
        {
            b.ToTable("proc_attachments");
            b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
            b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
            b.Property(a => a.StoredName).HasMaxLength(64).IsRequired();
        });

        modelBuilder.Entity<ApplicationReview>(b =>
        {
            b.ToTable("proc_reviews");
            b.Property(r => r.ReviewerAccountId).HasMaxLength(64).IsRequired();
            b.Property(r => r.ReviewerName).HasMaxLength(256);
            b.Property(r => r.Scores).HasJsonConversion();
            b.Property(r => r.Comment).HasMaxLength(2000);
            b.HasIndex(r => new { r.ApplicationId, r.ReviewerAccountId }).IsUnique();
            b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Contract>(b =>
        {
            b.ToTable("proc_contracts");
            b.Property(c => c.Title).HasMaxLength(200).IsRequired();
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            b.Property(c => c.CloseReason).HasMaxLength(2000);
            b.Ignore(c => c.Current);
            b.Ignore(c => c.PendingAmendment);
            b.HasIndex(c => c.ProjectId).IsUnique();
            b.HasIndex(c => c.ProviderOrganizationId);
            b.HasOne<PurchaseProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(c => c.Versions).AutoInclude();
        });

        modelBuilder.Entity<ContractVersion>(b =>
        {
            b.ToTable("proc_contract_versions");
            b.Property(v => v.Terms).HasJsonConversion();
            b.Property(v => v.Reason).HasMaxLength(2000);
            b.Property(v => v.PurchaserSignedBy).HasMaxLength(256);
            b.Property(v => v.ProviderSignedBy).HasMaxLength(256);
            b.Ignore(v => v.IsSignedByBoth);
            b.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
        });
    }
}
