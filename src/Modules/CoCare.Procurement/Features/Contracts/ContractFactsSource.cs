using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Features.Contracts;

/// <summary><see cref="IContractFacts"/> for other modules: a contract's parties, regions, terms in force and the awarded budget lines. Drafts are not shown.</summary>
internal sealed class ContractFactsSource(AppDbContext db) : IContractFacts
{
    public async Task<ContractFacts?> FindAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await db.Set<Contract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId && c.Status != ContractStatus.Draft, ct);
        return contract is null ? null : (await FactsAsync([contract], ct)).Single();
    }

    public async Task<IReadOnlyList<ContractFacts>> ListAsync(IReadOnlyList<Guid>? organizationIds, CancellationToken ct)
    {
        var q = db.Set<Contract>().AsNoTracking().Where(c => c.Status != ContractStatus.Draft);
        if (organizationIds is not null)
        {
            q = q.Where(c => organizationIds.Contains(c.PurchaserOrganizationId) || organizationIds.Contains(c.ProviderOrganizationId));
        }

        return await FactsAsync(await q.OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct), ct);
    }

    private async Task<IReadOnlyList<ContractFacts>> FactsAsync(IReadOnlyList<Contract> contracts, CancellationToken ct)
    {
        var projectIds = contracts.Select(c => c.ProjectId).Distinct().ToList();
        var applicationIds = contracts.Select(c => c.ApplicationId).Distinct().ToList();
        var regions = await db.Set<PurchaseProject>().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionCodes, ct);
        var budgets = await db.Set<Application>().AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.BudgetLines, ct);
        return contracts.Select(c =>
        {
            var t = c.Current.Terms;
            return new ContractFacts(c.Id, c.ProjectId, c.Title, c.Status.ToString(), c.PurchaserOrganizationId, c.ProviderOrganizationId, regions.GetValueOrDefault(c.ProjectId) ?? [],
                t.AmountFen, t.StartDate, t.EndDate, c.DateSigned,
                t.KpiTargets.Select(k => new KpiTargetFacts(k.Kpi, k.Comparison == Comparison.AtLeast, k.Target)).ToList(),
                t.Phases.Select((p, i) => new PhaseFacts(i + 1, p.Name, p.ShareBasisPoints, p.Trigger == PhaseTrigger.AfterEvaluation, p.EvaluationNumber, p.FullShareAtScore, p.ZeroBelowScore)).ToList(),
                t.Evaluations.Select((e, i) => new PlannedEvaluationFacts(i + 1, e.Kind.ToString(), e.Name, e.DueDate)).ToList(),
                (budgets.GetValueOrDefault(c.ApplicationId) ?? []).Select(b => new BudgetLineFacts(b.Item, b.AmountFen)).ToList());
        }).ToList();
    }
}
