using CoCare.Kernel;

namespace CoCare.Evaluation.Features;

/// <summary>Who may see a contract's money: its purchaser and provider, auditors and platform administrators (others get 404).</summary>
internal sealed class ContractAccess(CurrentActor actor, IContractFacts contracts)
{
    public async Task<ContractFacts> VisibleAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await contracts.FindAsync(contractId, ct) ?? throw DomainException.NotFound("Payment.Contract");
        var orgs = actor.OrganizationIds;
        return actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || orgs.Contains(contract.PurchaserOrganizationId) || orgs.Contains(contract.ProviderOrganizationId)
            ? contract
            : throw DomainException.NotFound("Payment.Contract");
    }
}
