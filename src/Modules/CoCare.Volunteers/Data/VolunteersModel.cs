using CoCare.Data;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Data;

/// <summary>The Volunteers module's tables (prefix vol_).</summary>
internal sealed class VolunteersModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Volunteer>(b =>
        {
            b.ToTable("vol_volunteers");
            b.Property(v => v.Name).HasMaxLength(50).IsRequired();
            b.Property(v => v.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(v => v.AccountId).HasMaxLength(450);
            b.Property(v => v.Skills).HasJsonConversion();
            b.Property(v => v.Availability).HasConversion<int>();
            b.HasIndex(v => v.RegionCode);
            b.HasIndex(v => v.AccountId).IsUnique();
        });

        modelBuilder.Entity<Team>(b =>
        {
            b.ToTable("vol_teams");
            b.Property(t => t.Name).HasMaxLength(60).IsRequired();
            b.Property(t => t.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(t => t.MemberIds).HasJsonConversion();
            b.HasIndex(t => t.RegionCode);
        });

        modelBuilder.Entity<Shift>(b =>
        {
            b.ToTable("vol_shifts");
            b.Property(s => s.Title).HasMaxLength(100).IsRequired();
            b.Property(s => s.Place).HasMaxLength(200).IsRequired();
            b.Property(s => s.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(s => s.Skills).HasJsonConversion();
            b.Ignore(s => s.CreditRate);
            b.Property(s => s.PostedBy).HasMaxLength(256);
            b.HasIndex(s => new { s.RegionCode, s.StartsAt });
        });

        modelBuilder.Entity<Signup>(b =>
        {
            b.ToTable("vol_signups");
            b.Property(s => s.VolunteerName).HasMaxLength(50).IsRequired();
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(s => s.ConfirmedBy).HasMaxLength(256);
            b.HasIndex(s => new { s.ShiftId, s.VolunteerId }).IsUnique();

            // Capacity kept by the database: each numbered place of a shift can be held once (empty places are NULL).
            b.HasIndex(s => new { s.ShiftId, s.Place }).IsUnique();
            b.HasIndex(s => new { s.VolunteerId, s.StartsAt });
            b.HasOne<Shift>().WithMany().HasForeignKey(s => s.ShiftId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Volunteer>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TimeAccount>(b =>
        {
            // The floor is kept by the database too, whatever writes the balance.
            b.ToTable("vol_time_accounts", t => t.HasCheckConstraint("CK_vol_time_accounts_floor", "\"Floor\" IS NULL OR \"Balance\" >= \"Floor\""));
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(a => a.Name).HasMaxLength(100).IsRequired();
            b.Property(a => a.RegionCode).HasMaxLength(12).IsRequired();
            b.HasIndex(a => new { a.Kind, a.OwnerId }).IsUnique();
            b.HasIndex(a => a.RegionCode);
        });

        modelBuilder.Entity<TimeTransaction>(b =>
        {
            b.ToTable("vol_time_transactions");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(t => t.IdempotencyKey).HasMaxLength(TimeTransaction.MaxKeyLength).IsRequired();
            b.Property(t => t.RequestHash).HasMaxLength(64).IsRequired();
            b.Property(t => t.Memo).HasMaxLength(200).IsRequired();
            b.Property(t => t.Reference).HasMaxLength(100);
            b.Property(t => t.By).HasMaxLength(256);
            b.HasIndex(t => t.IdempotencyKey).IsUnique();
            b.HasIndex(t => t.Reverses).IsUnique();
            b.HasIndex(t => t.At);
            b.HasMany(t => t.Postings).WithOne().HasForeignKey(p => p.TransactionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TimePosting>(b =>
        {
            b.ToTable("vol_time_postings");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.HasIndex(p => new { p.AccountId, p.TransactionId });
            b.HasOne<TimeAccount>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
