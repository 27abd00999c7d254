using CoCare.Insights.Features.Cooperation;
using CoCare.Insights.Features.Dashboards;
using CoCare.Insights.Features.KpiSheets;
using CoCare.Insights.Features.Transparency;
using CoCare.Kernel;

namespace CoCare.Insights.Features.Reports;

/// <summary>
/// A project's review in the institutional-analysis style of seeds/000 — context, actors, interactions, outcomes,
/// evaluation — assembled from the records: the regions and their figures, the parties and the organizations working
/// alongside, interactions and resources, KPIs with charts and targets, payments, grades and the partnership's stage.
/// </summary>
public sealed record ProjectReport(Guid ProjectId, string Title, string Purchaser, string? Provider, DateOnly StartDate, DateOnly EndDate, Dashboard Board,
    PublicContract? Contract, Partnership? Partnership, IReadOnlyList<DecisionFacts> Decisions, DateOnly Generated);

/// <summary>Builds the printable project report for the project's purchaser and provider, auditors, evaluators and administrators (others: 404).</summary>
public sealed class ReportHandlers(IProjectFacts projects, IContractFacts contracts, CurrentActor actor, IDirectory directory, DashboardHandlers dashboards,
    TransparencyHandlers transparency, CooperationHandlers cooperation, IVoiceRules voice, KpiScopes scopes)
{
    public async Task<ProjectReport> ProjectAsync(Guid projectId, CancellationToken ct)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw DomainException.NotFound("Insights.UnknownProject");
        var orgs = actor.OrganizationIds;
        var allowed = actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || actor.IsInRole(Roles.Evaluator) || orgs.Contains(project.PurchaserOrganizationId)
            || (project.ProviderOrganizationId is { } p && orgs.Contains(p));
        if (!allowed)
        {
            throw DomainException.NotFound("Insights.UnknownProject");
        }

        var contract = (await contracts.ListAsync(null, ct)).FirstOrDefault(c => c.ProjectId == projectId);
        var today = scopes.Today;
        var (regions, start, end) = contract is null ? (project.RegionCodes, project.StartDate, project.EndDate) : (contract.RegionCodes, contract.StartDate, contract.EndDate);
        var to = today < end ? today : end;
        var scope = new KpiScope(regions, start, to < start ? start : to);
        var names = await directory.OrganizationsAsync(project.ProviderOrganizationId is { } provider ? [project.PurchaserOrganizationId, provider] : [project.PurchaserOrganizationId], ct);
        var decisions = new List<DecisionFacts>();
        foreach (var region in regions)
        {
            decisions.AddRange(await voice.DecisionsAsync(region, 20, ct));
        }

        return new ProjectReport(project.Id, project.Title, names.GetValueOrDefault(project.PurchaserOrganizationId)?.Name ?? "",
            project.ProviderOrganizationId is { } pid ? names.GetValueOrDefault(pid)?.Name : null, start, end, await dashboards.ForScopeAsync(scope, ct),
            contract is null ? null : await transparency.ContractAsync(contract.Id, ct), contract is null ? null : await cooperation.OfContractAsync(contract, ct),
            [.. decisions.DistinctBy(d => d.Id).OrderByDescending(d => d.DecidedOn)], today);
    }
}
