using System.Runtime.CompilerServices;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features;

/// <summary>
/// The KPIs whose records Voice holds: the satisfaction rate (ratings of 4 or 5 ÷ valid ratings, DESIGN.md) and the
/// median hours to the first answer of feedback; with the complaints received and the share of feedback answered on
/// time as evidence metrics. The feedback figures are the public statistics' own; drill-downs list the ratings and the
/// feedback they count (feedback text and contacts never leave the module).
/// </summary>
internal sealed class VoiceKpis(AppDbContext db, FeedbackHandlers feedback) : IKpiContributor, IKpiRecords
{
    private const string Satisfaction = "satisfactionRate";
    private const string ResponseHours = "complaintResponseMedianHours";
    private const int Batch = 2_000;

    public IReadOnlyCollection<string> Codes { get; } = [Satisfaction, ResponseHours, EvidenceMetrics.Complaints, EvidenceMetrics.FeedbackOnTimeRate];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (code == Satisfaction)
        {
            var ratings = Ratings(scope);
            return new SatisfactionRate(await ratings.CountAsync(r => r.Score >= 4, ct), await ratings.CountAsync(ct)).Rate;
        }

        var stats = await feedback.StatsAsync(scope.RegionCodes, scope.From, scope.To, ct);
        return code switch
        {
            ResponseHours => stats.MedianResponseHours,
            EvidenceMetrics.Complaints => stats.ByKind.GetValueOrDefault(FeedbackKind.Complaint),
            EvidenceMetrics.FeedbackOnTimeRate => stats.OnTimeRate,
            _ => null,
        };
    }

    public async Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct) => code switch
    {
        Satisfaction => await Ratings(scope).LongCountAsync(ct),
        ResponseHours or EvidenceMetrics.FeedbackOnTimeRate => await Received(scope).LongCountAsync(ct),
        EvidenceMetrics.Complaints => await Received(scope).LongCountAsync(f => f.Kind == FeedbackKind.Complaint, ct),
        _ => 0,
    };

    public async Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct) => code switch
    {
        Satisfaction => await RatingRecords(Ratings(scope).OrderByDescending(r => r.Day).ThenBy(r => r.Id).Skip(skip).Take(take)).ToListAsync(ct),
        ResponseHours or EvidenceMetrics.FeedbackOnTimeRate or EvidenceMetrics.Complaints =>
            await FeedbackRecords(Feedback(code, scope).OrderByDescending(f => f.ReceivedAt).ThenBy(f => f.Id).Skip(skip).Take(take)).ToListAsync(ct),
        _ => [],
    };

    public async IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (Guid? after = null; Codes.Contains(code);)
        {
            var batch = code == Satisfaction
                ? await RatingRecords((after is { } r ? Ratings(scope).Where(x => x.Id.CompareTo(r) > 0) : Ratings(scope)).OrderBy(x => x.Id).Take(Batch)).ToListAsync(ct)
                : await FeedbackRecords((after is { } f ? Feedback(code, scope).Where(x => x.Id.CompareTo(f) > 0) : Feedback(code, scope)).OrderBy(x => x.Id).Take(Batch)).ToListAsync(ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < Batch)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    private IQueryable<SatisfactionRating> Ratings(KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return db.Set<SatisfactionRating>().AsNoTracking().WhereRegionUnder(r => r.VillageCode, RegionCode.Prefixes(scope.RegionCodes))
            .Where(r => r.Day >= scope.From && r.Day <= scope.To);
    }

    private IQueryable<FeedbackItem> Received(KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return feedback.Received(scope.RegionCodes, scope.From, scope.To);
    }

    private IQueryable<FeedbackItem> Feedback(string code, KpiScope scope) =>
        code == EvidenceMetrics.Complaints ? Received(scope).Where(f => f.Kind == FeedbackKind.Complaint) : Received(scope);

    private static IQueryable<KpiRecord> RatingRecords(IQueryable<SatisfactionRating> ratings) =>
        ratings.Select(r => new KpiRecord(r.Id, r.Day, r.VillageCode, "rating", r.Subject.ToString(), null, r.Score >= 4 ? "positive" : "notPositive"));

    private static IQueryable<KpiRecord> FeedbackRecords(IQueryable<FeedbackItem> items) =>
        items.Select(f => new KpiRecord(f.Id, ChinaTime.Day(f.ReceivedAt), f.RegionCode, "feedback", f.Kind.ToString(), null,
            f.FirstAnsweredAt == null ? "unanswered" : "hours:" + Math.Round((f.FirstAnsweredAt.Value - f.ReceivedAt).TotalHours, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
