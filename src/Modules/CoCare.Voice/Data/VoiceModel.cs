using CoCare.Data;
using CoCare.Voice.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Data;

/// <summary>The Voice module's tables (prefix voice_). Contact details of feedback are ciphertext, masked in the audit log.</summary>
internal sealed class VoiceModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Topic>(b =>
        {
            b.ToTable("voice_topics");
            b.Property(t => t.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.Description).HasMaxLength(4000).IsRequired();
            b.Property(t => t.RaisedBy).HasConversion<string>().HasMaxLength(24);
            b.Property(t => t.RaisedByName).HasMaxLength(100).IsRequired();
            b.Property(t => t.Supporters).HasJsonConversion();
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(t => t.RecordedBy).HasMaxLength(256);
            b.HasIndex(t => new { t.RegionCode, t.Status });
        });

        modelBuilder.Entity<Meeting>(b =>
        {
            b.ToTable("voice_meetings");
            b.Property(m => m.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(m => m.Title).HasMaxLength(200).IsRequired();
            b.Property(m => m.Place).HasMaxLength(200).IsRequired();
            b.Property(m => m.TopicIds).HasJsonConversion();
            b.Property(m => m.Quorum).HasConversion<string>().HasMaxLength(16);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(m => m.Minutes).HasMaxLength(20_000).IsRequired();
            b.Property(m => m.RecordedBy).HasMaxLength(256);
            b.HasIndex(m => new { m.RegionCode, m.StartsAt });
        });

        modelBuilder.Entity<Participant>(b =>
        {
            b.ToTable("voice_participants");
            b.Property(p => p.Name).HasMaxLength(50).IsRequired();
            b.Property(p => p.Household).HasMaxLength(50).IsRequired();
            b.Property(p => p.AccountId).HasMaxLength(64);
            b.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(12);
            b.Property(p => p.ProxyName).HasMaxLength(50);
            b.Property(p => p.Delegation).HasMaxLength(500);
            b.Ignore(p => p.IsPresent);
            b.HasIndex(p => new { p.MeetingId, p.Name, p.Household }).IsUnique();
            b.HasIndex(p => new { p.MeetingId, p.AccountId }).IsUnique();
            b.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Motion>(b =>
        {
            b.ToTable("voice_motions");
            b.Property(m => m.Text).HasMaxLength(1000).IsRequired();
            b.Property(m => m.Options).HasJsonConversion();
            b.Property(m => m.Majority).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(m => m.Counts).HasJsonConversion();
            b.HasIndex(m => m.MeetingId);
            b.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Ballot>(b =>
        {
            b.ToTable("voice_ballots");
            b.Property(x => x.Option).HasMaxLength(50).IsRequired();
            b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.RecordedBy).HasMaxLength(256);

            // One vote per participant and motion, whatever the channel: the database keeps it so under concurrent requests.
            b.HasIndex(x => new { x.MotionId, x.ParticipantId }).IsUnique();
            b.HasOne<Motion>().WithMany().HasForeignKey(x => x.MotionId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Tally>(b =>
        {
            b.ToTable("voice_tallies");
            b.Property(t => t.Counts).HasJsonConversion();
            b.Property(t => t.RecordedBy).HasMaxLength(256);
            b.HasIndex(t => t.MotionId).IsUnique();
            b.HasOne<Motion>().WithMany().HasForeignKey(t => t.MotionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Decision>(b =>
        {
            b.ToTable("voice_decisions");
            b.Property(d => d.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(d => d.Title).HasMaxLength(200).IsRequired();
            b.Property(d => d.MeetingTitle).HasMaxLength(200).IsRequired();
            b.Property(d => d.WithdrawReason).HasMaxLength(500);
            b.Ignore(d => d.IsWithdrawn);
            b.HasIndex(d => d.MotionId).IsUnique();
            b.HasOne<Motion>().WithMany().HasForeignKey(d => d.MotionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<VoiceRule>(b =>
        {
            b.ToTable("voice_rules");
            b.Property(r => r.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.ElderName).HasMaxLength(50);
            b.Property(r => r.Category).HasMaxLength(50);
            b.Property(r => r.Condition).HasMaxLength(500);
            b.HasIndex(r => r.ElderId);
            b.HasIndex(r => r.DecisionId);
            b.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<FeedbackItem>(b =>
        {
            b.ToTable("voice_feedback");
            b.Property(f => f.TrackingCode).HasMaxLength(10).IsRequired();
            b.Property(f => f.RegionCode).HasMaxLength(12).IsRequired();
            b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(f => f.Channel).HasConversion<string>().HasMaxLength(12);
            b.Property(f => f.Text).HasMaxLength(FeedbackItem.MaxText).IsRequired();
            b.Property(f => f.ContactNameCipher).HasMaxLength(300).IsPersonalData();
            b.Property(f => f.ContactPhoneCipher).HasMaxLength(200).IsPersonalData();
            b.Property(f => f.ContactPhoneMasked).HasMaxLength(20);
            b.Property(f => f.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(f => f.RecordedBy).HasMaxLength(256);
            b.Ignore(f => f.AnsweredOnTime);
            b.HasIndex(f => f.TrackingCode).IsUnique();
            b.HasIndex(f => new { f.RegionCode, f.ReceivedAt });
            b.HasIndex(f => new { f.AssignedOrganizationId, f.Status });
            b.HasMany(f => f.Responses).WithOne().HasForeignKey(r => r.FeedbackId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(f => f.Responses).AutoInclude();
        });

        modelBuilder.Entity<FeedbackResponse>(b =>
        {
            b.ToTable("voice_feedback_responses");
            b.Property(r => r.Author).HasMaxLength(100).IsRequired();
            b.Property(r => r.Text).HasMaxLength(FeedbackItem.MaxText).IsRequired();
        });

        modelBuilder.Entity<ReturnVisit>(b =>
        {
            b.ToTable("voice_return_visits");
            b.Property(v => v.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(v => v.ServiceTypeCode).HasMaxLength(40).IsRequired();
            b.Property(v => v.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(v => v.Remarks).HasMaxLength(500);
            b.Property(v => v.RecordedBy).HasMaxLength(256);
            b.HasIndex(v => v.OrderId).IsUnique();
            b.HasIndex(v => new { v.VillageCode, v.Status, v.DueOn });
        });

        modelBuilder.Entity<SurveyTemplate>(b =>
        {
            b.ToTable("voice_survey_templates");
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.Items).HasJsonConversion();
            b.Property(t => t.CreatedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<SurveyResponse>(b =>
        {
            b.ToTable("voice_survey_responses");
            b.Property(r => r.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(r => r.Scores).HasJsonConversion();
            b.Property(r => r.Remark).HasMaxLength(500);
            b.Property(r => r.RecordedBy).HasMaxLength(256);
            b.Ignore(r => r.Overall);
            b.HasIndex(r => new { r.TemplateId, r.VillageCode });
            b.HasOne<SurveyTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SatisfactionRating>(b =>
        {
            b.ToTable("voice_ratings");
            b.Property(r => r.Subject).HasConversion<string>().HasMaxLength(12);
            b.Property(r => r.VillageCode).HasMaxLength(12).IsRequired();
            b.Property(r => r.ServiceTypeCode).HasMaxLength(40);
            b.Property(r => r.Remark).HasMaxLength(500);
            b.Property(r => r.RecordedBy).HasMaxLength(256);
            b.HasIndex(r => new { r.Subject, r.SubjectId }).IsUnique();
            b.HasIndex(r => new { r.VillageCode, r.Day });
            b.HasIndex(r => new { r.ProviderOrganizationId, r.Day });
        });
    }
}
