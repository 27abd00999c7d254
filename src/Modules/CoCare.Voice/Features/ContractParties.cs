using CoCare.Kernel;

namespace CoCare.Voice.Features;

/// <summary>Who the contracts serving a region name: the provider a rating counts for, the purchasers overdue feedback goes to.</summary>
public sealed class ContractParties(IProjectFacts projects)
{
    /// <summary>The provider of the first contract (by title) serving the village, or none.</summary>
    public async Task<Guid?> ProviderForAsync(string village, CancellationToken ct)
    {
        foreach (var (projectId, _) in await projects.ContractedInAsync(village, ct))
        {
            if ((await projects.FindAsync(projectId, ct))?.ProviderOrganizationId is { } provider)
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>The purchasers of every contract serving the region.</summary>
    public async Task<IReadOnlySet<Guid>> PurchasersForAsync(string regionCode, CancellationToken ct)
    {
        var purchasers = new HashSet<Guid>();
        foreach (var (projectId, _) in await projects.ContractedInAsync(regionCode, ct))
        {
            if (await projects.FindAsync(projectId, ct) is { } project)
            {
                purchasers.Add(project.PurchaserOrganizationId);
            }
        }

        return purchasers;
    }
}
