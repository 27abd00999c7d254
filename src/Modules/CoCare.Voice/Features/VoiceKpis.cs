using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features;

/// <summary>
/// The KPIs whose records Voice holds: the satisfaction rate (ratings of 4 or 5 ÷ valid ratings, DESIGN.md) and the
/// median hours to the first answer of feedback; with the complaints received and the share of feedback answered on
/// time as evidence metrics. The feedback figures are the public statistics' own.
/// </summary>
internal sealed class VoiceKpis(AppDbContext db, FeedbackHandlers feedback) : IKpiContributor
{
    public IReadOnlyCollection<string> Codes { get; } = ["satisfactionRate", "complaintResponseMedianHours", EvidenceMetrics.Complaints, EvidenceMetrics.FeedbackOnTimeRate];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (code == "satisfactionRate")
        {
            var ratings = db.Set<SatisfactionRating>().AsNoTracking().WhereRegionUnder(r => r.VillageCode, RegionCode.Prefixes(scope.RegionCodes))
                .Where(r => r.Day >= scope.From && r.Day <= scope.To);
            return new SatisfactionRate(await ratings.CountAsync(r => r.Score >= 4, ct), await ratings.CountAsync(ct)).Rate;
        }

        var stats = await feedback.StatsAsync(scope.RegionCodes, scope.From, scope.To, ct);
        return code switch
        {
            "complaintResponseMedianHours" => stats.MedianResponseHours,
            EvidenceMetrics.Complaints => stats.ByKind.GetValueOrDefault(FeedbackKind.Complaint),
            EvidenceMetrics.FeedbackOnTimeRate => stats.OnTimeRate,
            _ => null,
        };
    }
}
