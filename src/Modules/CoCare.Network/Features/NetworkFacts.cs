using CoCare.Data;
using CoCare.Kernel;
using CoCare.Network.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Network.Features;

/// <summary><see cref="INetworkFacts"/>: interactions and contributions by region, for Insights' cooperation view.</summary>
internal sealed class NetworkFacts(AppDbContext db) : INetworkFacts
{
    private const int Max = 5_000;

    public async Task<IReadOnlyList<InteractionFacts>> InteractionsAsync(IReadOnlyList<string> regionCodes, CancellationToken ct) =>
        [.. (await db.Set<Interaction>().AsNoTracking().WhereRegionUnder(i => i.RegionCode, RegionCode.Prefixes(regionCodes)).OrderBy(i => i.On).ThenBy(i => i.Id).Take(Max)
            .ToListAsync(ct)).Select(i => new InteractionFacts(i.Id, i.Kind.ToString(), i.On, i.ProjectId, i.OrganizationIds, i.RegionCode))];

    public async Task<IReadOnlyList<ContributionFacts>> ContributionsAsync(IReadOnlyList<string> regionCodes, CancellationToken ct) =>
        [.. (await db.Set<Contribution>().AsNoTracking().WhereRegionUnder(c => c.RegionCode, RegionCode.Prefixes(regionCodes)).OrderBy(c => c.On).ThenBy(c => c.Id).Take(Max)
            .ToListAsync(ct)).Select(c => new ContributionFacts(c.Id, c.On, c.Kind.ToString(), c.IsGovernmentFunds, c.ContributorOrganizationId, c.ProjectId, c.ValueFen))];
}
