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
    }
}
