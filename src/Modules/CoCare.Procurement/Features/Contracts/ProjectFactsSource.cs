using System.Globalization;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Procurement.Features.Contracts;

/// <summary>
/// <see cref="IProjectFacts"/> for other modules: the project, its provider and the deliverables of the contract's
/// terms in force (service items due at the end of the term, KPI targets likewise, evaluations on their due dates).
/// A terminated contract promises nothing more.
/// </summary>
internal sealed class ProjectFactsSource(AppDbContext db) : IProjectFacts
{
    public async Task<ProjectFacts?> FindAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return null;
        }

        var contract = await db.Set<Contract>().AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == projectId, ct);
        var deliverables = contract is null || contract.Status == ContractStatus.Terminated ? [] : Deliverables(contract.Current.Terms);
        return new ProjectFacts(project.Id, project.Title, project.RegionCodes, project.PurchaserOrganizationId, contract?.ProviderOrganizationId,
            project.StartDate, project.EndDate, deliverables);
    }

    public Task<bool> ContractExistsAsync(Guid contractId, CancellationToken ct) => db.Set<Contract>().AnyAsync(c => c.Id == contractId, ct);

    public async Task<IReadOnlyList<(Guid Id, string Title)>> ContractedInAsync(string regionCode, CancellationToken ct)
    {
        var contracted = db.Set<Contract>().Where(c => c.Status != ContractStatus.Terminated).Select(c => c.ProjectId);
        var projects = await db.Set<PurchaseProject>().AsNoTracking().Where(p => contracted.Contains(p.Id))
            .OrderByDescending(p => p.StartDate).Select(p => new { p.Id, p.Title, p.RegionCodes }).Take(1000).ToListAsync(ct);
        return projects.Where(p => p.RegionCodes.Any(r => RegionCode.IsWithin(r, regionCode) || RegionCode.IsWithin(regionCode, r)))
            .OrderBy(p => p.Title, StringComparer.Ordinal).Take(100).Select(p => (p.Id, p.Title)).ToList();
    }

    internal static List<Deliverable> Deliverables(ContractTerms terms)
    {
        var list = new List<Deliverable>();
        list.AddRange(terms.Items.Select((i, n) => new Deliverable(
            "item:" + i.ServiceType + (terms.Items.Take(n).Any(x => x.ServiceType == i.ServiceType) ? "#" + (n + 1).ToString(CultureInfo.InvariantCulture) : ""),
            "Item", i.ServiceType, i.Quantity.ToString(CultureInfo.InvariantCulture) + " " + i.Unit, terms.EndDate)));
        list.AddRange(terms.KpiTargets.Select(k => new Deliverable("kpi:" + k.Kpi, "Kpi", k.Kpi,
            (k.Comparison == Comparison.AtLeast ? "≥ " : "≤ ") + k.Target.ToString(CultureInfo.InvariantCulture), terms.EndDate)));
        list.AddRange(terms.Evaluations.Select((e, i) => new Deliverable("evaluation:" + (i + 1).ToString(CultureInfo.InvariantCulture), "Evaluation", e.Name, "", e.DueDate)));
        return list;
    }
}
