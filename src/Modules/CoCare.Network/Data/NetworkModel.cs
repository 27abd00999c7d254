using CoCare.Data;
using CoCare.Network.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Network.Data;

/// <summary>The Network module's tables (prefix net_).</summary>
internal sealed class NetworkModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Contribution>(b =>
        {
            b.ToTable("net_contributions", t => t.HasCheckConstraint("CK_net_contributions_value", "\"ValueFen\" >= 0"));
            b.Property(c => c.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Method).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.ContributorName).HasMaxLength(100).IsRequired();
            b.Property(c => c.Description).HasMaxLength(500).IsRequired();
            b.Property(c => c.RecordedBy).HasMaxLength(256);
            b.Ignore(c => c.Value);
            b.Ignore(c => c.IsGovernmentFunds);
            b.HasIndex(c => new { c.ProjectId, c.On });
            b.HasIndex(c => new { c.RegionCode, c.On });
        });

        modelBuilder.Entity<Space>(b =>
        {
            b.ToTable("net_spaces");
            b.Property(s => s.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(s => s.Name).HasMaxLength(60).IsRequired();
            b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.Use).HasMaxLength(200).IsRequired();
            b.HasIndex(s => s.RegionCode);
        });

        modelBuilder.Entity<ResponsibilityTask>(b =>
        {
            b.ToTable("net_tasks");
            b.Property(t => t.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.ResponsiblePerson).HasMaxLength(50).IsRequired();
            b.Property(t => t.SupportingOrganizationIds).HasJsonConversion();
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(t => t.Evidence).HasMaxLength(1000).IsRequired();
            b.Property(t => t.SourceKey).HasMaxLength(120);
            b.HasIndex(t => new { t.ProjectId, t.SourceKey }).IsUnique();
            b.HasIndex(t => new { t.ProjectId, t.DueOn });
            b.HasIndex(t => new { t.ResponsibleOrganizationId, t.Status, t.DueOn });
        });

        modelBuilder.Entity<Interaction>(b =>
        {
            b.ToTable("net_interactions");
            b.Property(i => i.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.OrganizationIds).HasJsonConversion();
            b.Property(i => i.Note).HasMaxLength(1000).IsRequired();
            b.Property(i => i.RecordedBy).HasMaxLength(256);
            b.HasIndex(i => new { i.RegionCode, i.On });
        });
    }
}
