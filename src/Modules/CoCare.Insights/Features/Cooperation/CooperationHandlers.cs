using CoCare.Insights.Domain;
using CoCare.Insights.Features.Dashboards;
using CoCare.Insights.Features.KpiSheets;
using CoCare.Kernel;

namespace CoCare.Insights.Features.Cooperation;

/// <summary>The partnership's indicators and stage at the end of one year of it (or today for the current year).</summary>
public sealed record PartnershipPoint(DateOnly AsOf, int ActiveContracts, PartnershipIndicators Indicators, CooperationStage Stage);

/// <summary>A contract of a partnership, in short.</summary>
public sealed record PartnershipContract(Guid Id, Guid ProjectId, string Title, string Status, long AmountFen, DateOnly StartDate, DateOnly EndDate);

/// <summary>A purchaser–provider partnership: its contracts, its indicators and stage now, what institutional cooperation still lacks, and its history by year.</summary>
public sealed record Partnership(Guid PurchaserId, string Purchaser, Guid ProviderId, string Provider, IReadOnlyList<PartnershipContract> Contracts,
    PartnershipPoint Now, IReadOnlyList<string> Unmet, IReadOnlyList<PartnershipPoint> Timeline, IReadOnlyList<string> OtherPartners,
    IReadOnlyDictionary<string, int> InteractionsByKind, long ProviderResourcesFen);

/// <summary>
/// The cooperation view (seeds/004): for each purchaser–provider partnership the caller may see, indicators over time from
/// the records — consecutive contracts, joint interactions and trainings, knowledge sharing, resources the provider
/// brought in, KPI attainment, complaint handling — and the stage by <see cref="CooperationRule"/>.
/// </summary>
public sealed class CooperationHandlers(CurrentActor actor, IContractFacts contracts, INetworkFacts network, IDirectory directory, IKpiService kpis,
    ContractTargets targets, KpiScopes scopes)
{
    public async Task<IReadOnlyList<Partnership>> ListAsync(CancellationToken ct)
    {
        var everyone = actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || actor.IsInRole(Roles.Evaluator);
        var visible = await contracts.ListAsync(everyone ? null : actor.OrganizationIds, ct);
        var list = new List<Partnership>();
        foreach (var pair in visible.GroupBy(c => (c.PurchaserOrganizationId, c.ProviderOrganizationId)).Take(20))
        {
            list.Add(await PartnershipAsync(pair.Key.PurchaserOrganizationId, pair.Key.ProviderOrganizationId, [.. pair], ct));
        }

        return [.. list.OrderByDescending(p => p.Now.Stage).ThenBy(p => p.Provider, StringComparer.Ordinal)];
    }

    /// <summary>The partnership behind a contract (for the project review), or 404 when the caller may not see the contract.</summary>
    public async Task<Partnership> OfContractAsync(ContractFacts contract, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var pair = (await contracts.ListAsync(null, ct)).Where(c => c.PurchaserOrganizationId == contract.PurchaserOrganizationId && c.ProviderOrganizationId == contract.ProviderOrganizationId).ToList();
        return await PartnershipAsync(contract.PurchaserOrganizationId, contract.ProviderOrganizationId, pair.Count == 0 ? [contract] : pair, ct);
    }

    private async Task<Partnership> PartnershipAsync(Guid purchaserId, Guid providerId, IReadOnlyList<ContractFacts> pair, CancellationToken ct)
    {
        var regions = pair.SelectMany(c => c.RegionCodes).Distinct(StringComparer.Ordinal).ToList();
        var projects = pair.Select(c => c.ProjectId).ToHashSet();
        var interactions = (await network.InteractionsAsync(regions, ct)).Where(i => i.OrganizationIds.Contains(providerId) || (i.ProjectId is { } p && projects.Contains(p))).ToList();
        var resources = (await network.ContributionsAsync(regions, ct)).Where(c => c.ContributorOrganizationId == providerId && !c.GovernmentFunds).ToList();
        var today = scopes.Today;
        var first = pair.Min(c => c.StartDate);
        var timeline = new List<PartnershipPoint>();
        for (var year = first.Year; year <= today.Year; year++)
        {
            var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
            timeline.Add(await PointAsync(pair, interactions, resources, providerId, purchaserId, asOf, ct));
        }

        var now = timeline[^1];
        var names = await directory.OrganizationsAsync(interactions.SelectMany(i => i.OrganizationIds).Append(purchaserId).Append(providerId).Distinct(), ct);
        return new Partnership(purchaserId, names.GetValueOrDefault(purchaserId)?.Name ?? "", providerId, names.GetValueOrDefault(providerId)?.Name ?? "",
            [.. pair.OrderBy(c => c.StartDate).Select(c => new PartnershipContract(c.Id, c.ProjectId, c.Title, c.Status, c.AmountFen, c.StartDate, c.EndDate))],
            now, CooperationRule.Of(now.Indicators).Unmet, timeline,
            [.. interactions.SelectMany(i => i.OrganizationIds).Distinct().Where(o => o != providerId && o != purchaserId).Select(o => names.GetValueOrDefault(o)?.Name ?? "").Where(n => n.Length > 0).Order(StringComparer.Ordinal)],
            interactions.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), resources.Sum(r => r.ValueFen));
    }

    private async Task<PartnershipPoint> PointAsync(IReadOnlyList<ContractFacts> pair, IReadOnlyList<InteractionFacts> interactions, IReadOnlyList<ContributionFacts> resources,
        Guid providerId, Guid purchaserId, DateOnly asOf, CancellationToken ct)
    {
        var yearAgo = asOf.AddDays(-365);
        var recent = interactions.Where(i => i.On > yearAgo && i.On <= asOf).ToList();
        var started = pair.Where(c => c.StartDate <= asOf).ToList();
        var government = started.Sum(c => c.AmountFen);
        var brought = resources.Where(r => r.On <= asOf).Sum(r => r.ValueFen);
        var latest = started.OrderBy(c => c.StartDate).LastOrDefault();
        double? attainment = null;
        double? onTime = null;
        if (latest is not null)
        {
            var lines = await targets.ForAsync(latest, asOf, ct);
            attainment = lines.Count(l => l.Met is not null) is var judged and > 0 ? Math.Round((double)lines.Count(l => l.Met == true) / judged, 4) : null;
            onTime = await kpis.ComputeAsync(EvidenceMetrics.FeedbackOnTimeRate, new KpiScope(latest.RegionCodes, yearAgo.AddDays(1), asOf), ct);
        }

        var indicators = new PartnershipIndicators(
            CooperationRule.ConsecutiveContracts(pair.Select(c => (c.StartDate, c.EndDate)), asOf),
            recent.Count,
            recent.Count(i => i.Kind is "Training" or "KnowledgeSharing"),
            government == 0 ? null : Math.Round((double)brought / government, 4),
            attainment,
            onTime,
            recent.SelectMany(i => i.OrganizationIds).Distinct().Count(o => o != providerId && o != purchaserId));
        return new PartnershipPoint(asOf, started.Count(c => c.EndDate >= yearAgo), indicators, CooperationRule.Of(indicators).Stage);
    }
}
