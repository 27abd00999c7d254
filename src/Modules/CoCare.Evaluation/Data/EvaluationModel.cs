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

        modelBuilder.Entity<ScoreAttachment>(b =>
        {
            b.ToTable("eval_score_attachments");
            b.Property(a => a.Code).HasMaxLength(20).IsRequired();
            b.Property(a => a.FileName).HasMaxLength(200).IsRequired();
            b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
            b.Property(a => a.StoredName).HasMaxLength(32).IsRequired();
            b.Property(a => a.UploadedBy).HasMaxLength(256);
            b.HasIndex(a => a.EvaluationId);
        });

        modelBuilder.Entity<Expenditure>(b =>
        {
            b.ToTable("eval_expenditures");
            b.Property(x => x.BudgetLine).HasMaxLength(100).IsRequired();
            b.Property(x => x.Description).HasMaxLength(Expenditure.MaxText).IsRequired();
            b.OwnsOne(x => x.Receipt, r =>
            {
                r.Property(p => p.FileName).HasMaxLength(200);
                r.Property(p => p.ContentType).HasMaxLength(100);
                r.Property(p => p.StoredName).HasMaxLength(32);
                r.Property(p => p.Sha256).HasMaxLength(64);
                r.HasIndex(p => p.Sha256);
            });
            b.Property(x => x.Flags).HasJsonConversion();
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.RecordedBy).HasMaxLength(256);
            b.Property(x => x.ReviewedBy).HasMaxLength(256);
            b.Property(x => x.ReviewNote).HasMaxLength(Expenditure.MaxText);
            b.HasIndex(x => new { x.ContractId, x.SpentOn });
        });
    }
}
