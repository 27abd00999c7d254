using CoCare.Insights.Features.Dashboards;
using CoCare.Insights.Features.KpiSheets;
using CoCare.Kernel;

namespace CoCare.Insights.Features.Transparency;

/// <summary>A payment as the public sees it: the phase, the amount and the day (no bank reference).</summary>
public sealed record PublicPayment(int PhaseNumber, string PhaseName, long AmountFen, DateOnly PaidOn);

/// <summary>A published contract as the public sees it: parties (organizations, never people), money, results and KPIs against targets.</summary>
public sealed record PublicContract(Guid Id, Guid ProjectId, string Title, string Status, string Purchaser, string Provider, IReadOnlyList<string> Regions,
    long AmountFen, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<PublicPayment> Payments, IReadOnlyList<EvaluationResultFacts> Results,
    IReadOnlyList<TargetLine> Targets)
{
    public long PaidFen => Payments.Sum(p => p.AmountFen);
}

/// <summary>What the transparency portal shows for a region: its public KPI sheet, the contracts in it, assembly decisions and complaint statistics.</summary>
public sealed record TransparencyView(string RegionCode, string RegionName, IReadOnlyDictionary<string, object?> Sheet, IReadOnlyList<PublicContract> Contracts,
    IReadOnlyList<DecisionFacts> Decisions, IReadOnlyList<(string Code, string Name)> Regions);

/// <summary>
/// The public transparency portal (no sign-in): only aggregates, organizations and published contracts — no person's name,
/// ID, phone, address or health anywhere; counts of 1 to 4 are suppressed as in the public KPI API.
/// </summary>
public sealed class TransparencyHandlers(KpiHandlers sheets, KpiScopes scopes, IDirectory directory, IContractFacts contracts, IContractMoney money,
    IVoiceRules voice, ContractTargets targets)
{
    private const int MaxContracts = 50;
    private const int MaxDecisions = 30;

    public async Task<TransparencyView> RegionAsync(string? region, CancellationToken ct)
    {
        var regions = await directory.RegionsUnderAsync(null, 400, ct);
        var chosen = region ?? (regions.Count > 0 ? regions[0].Code : null);
        var sheet = await sheets.PublicSheetAsync(chosen, null, null, ct);
        var code = chosen!;
        var list = new List<PublicContract>();
        foreach (var c in (await contracts.ListAsync(null, ct)).Where(c => c.RegionCodes.Any(r => RegionCode.IsWithin(r, code))).Take(MaxContracts))
        {
            list.Add(await PublishAsync(c, ct));
        }

        var name = regions.FirstOrDefault(r => r.Code == code).Name ?? code;
        var choices = regions.Where(r => RegionCode.LevelOf(r.Code) is { } level && level <= RegionLevel.Township).ToList();
        return new TransparencyView(code, name, sheet, list, await voice.DecisionsAsync(code, MaxDecisions, ct), choices);
    }

    /// <summary>One published contract; a draft or unknown contract answers 404.</summary>
    public async Task<PublicContract> ContractAsync(Guid id, CancellationToken ct)
    {
        var contract = await contracts.FindAsync(id, ct);
        return contract is null || contract.Status == "Draft" ? throw DomainException.NotFound("Insights.UnknownContract") : await PublishAsync(contract, ct);
    }

    private async Task<PublicContract> PublishAsync(ContractFacts c, CancellationToken ct)
    {
        var parties = await directory.OrganizationsAsync([c.PurchaserOrganizationId, c.ProviderOrganizationId], ct);
        var names = new List<string>();
        foreach (var r in c.RegionCodes)
        {
            names.Add(await directory.RegionsUnderAsync([r], 1, ct) is [var first, ..] ? first.Name : r);
        }

        var payments = (await money.PaymentsAsync(c.Id, ct)).Select(p => new PublicPayment(p.PhaseNumber, p.PhaseName, p.AmountFen, p.PaidOn)).ToList();
        return new PublicContract(c.Id, c.ProjectId, c.Title, c.Status, parties.GetValueOrDefault(c.PurchaserOrganizationId)?.Name ?? "",
            parties.GetValueOrDefault(c.ProviderOrganizationId)?.Name ?? "", names, c.AmountFen, c.StartDate, c.EndDate, payments, await money.ResultsAsync(c.Id, ct),
            c.IsInForce || c.IsClosed ? await targets.ForAsync(c, scopes.Today, ct) : []);
    }
}
