using CoCare.Data;
using CoCare.Evaluation.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Data;

/// <summary>The Evaluation module's tables (prefix eval_): indicator systems, evaluations with frozen evidence and scores, payments.</summary>
internal sealed class EvaluationModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IndicatorSystem>(b =>
        {
            b.ToTable("eval_indicator_systems");
            b.Property(s => s.Name).HasMaxLength(100).IsRequired();
            b.Property(s => s.Indicators).HasJsonConversion();
            b.Property(s => s.CreatedBy).HasMaxLength(256);
            b.HasIndex(s => s.OwnerOrganizationId);
        });

        modelBuilder.Entity<PerformanceEvaluation>(b =>
        {
            b.ToTable("eval_evaluations");
            b.Property(e => e.Name).HasMaxLength(100).IsRequired();
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.Grade).HasConversion<string>().HasMaxLength(12);
            b.Property(e => e.Evidence).HasJsonConversion();
            b.Property(e => e.Scores).HasJsonConversion();
            b.Property(e => e.Total).HasPrecision(7, 2);
            b.Property(e => e.CommissionedBy).HasMaxLength(256);
            b.Property(e => e.ConfirmedBy).HasMaxLength(256);
            b.Property(e => e.Appeal).HasMaxLength(PerformanceEvaluation.MaxComment);
            b.Property(e => e.AppealAnswer).HasMaxLength(PerformanceEvaluation.MaxComment);
            b.HasIndex(e => new { e.ContractId, e.Number }).IsUnique();
            b.HasIndex(e => e.EvaluatorOrganizationId);
        });

        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("eval_payments");
            b.Property(p => p.PhaseName).HasMaxLength(100).IsRequired();
            b.Property(p => p.Score).HasPrecision(7, 2);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.ApprovedBy).HasMaxLength(256);
            b.Property(p => p.RecordedBy).HasMaxLength(256);
            b.Property(p => p.Reference).HasMaxLength(64);
            b.HasIndex(p => new { p.ContractId, p.PhaseNumber }).IsUnique();
        });
    }
}
