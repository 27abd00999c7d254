using CoCare.Kernel;
using CoCare.Procurement.Domain;
using CoCare.Procurement.Features.Contracts;
using CoCare.Procurement.Features.Projects;
using CoCare.Procurement.Resources;
using CoCare.Ui;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Procurement;

/// <summary>Procurement's lists as CSV or XLSX (<c>?format=csv|xlsx</c>), with the same filters as the lists (see <see cref="ListExport"/>).</summary>
public static class ProcurementExports
{
    public static IEndpointRouteBuilder MapProcurementExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/procurement/projects", (string? format, [AsParameters] ListQuery list, ProjectStatus? status, ProjectHandlers h,
                IStringLocalizer<ProcurementText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "projects", Projects(s), list, (p, c) => h.ListAsync(p, status, c), ct))
            .WithName("ExportProjects").WithSummary("The purchase projects list as CSV or XLSX.").RequireAuthorization(ProcurementPolicies.Read);
        exports.MapGet("/procurement/contracts", (string? format, [AsParameters] ListQuery list, ContractHandlers h, IStringLocalizer<ProcurementText> s,
                CancellationToken ct) =>
                ListExport.ResultAsync(format, "contracts", Contracts(s), list, (p, c) => h.ListAsync(p, c), ct))
            .WithName("ExportContracts").WithSummary("The contracts list as CSV or XLSX.").RequireAuthorization(ProcurementPolicies.Read);
        return exports;
    }

    private static ExportColumn<ProjectSummary>[] Projects(IStringLocalizer<ProcurementText> s) =>
    [
        new(s["Field.Title"], p => p.Title),
        new(s["Field.Purchaser"], p => p.PurchaserName),
        new(s["Export.BudgetYuan"], p => TableExport.Yuan(p.BudgetFen)),
        new(s["Field.FundingSource"], p => s["Funding." + p.FundingSource]),
        new(s["Field.Period"], p => $"{Format.Day(p.StartDate)} – {Format.Day(p.EndDate)}"),
        new(s["Field.Status"], p => s["ProjectStatus." + p.Status]),
        new(s["Field.Deadline"], p => p.CallDeadline is null ? null : Format.Time(p.CallDeadline)),
    ];

    private static ExportColumn<ContractSummary>[] Contracts(IStringLocalizer<ProcurementText> s) =>
    [
        new(s["Field.Title"], c => c.Title),
        new(s["Field.Purchaser"], c => c.PurchaserName),
        new(s["Field.Provider"], c => c.ProviderName),
        new(s["Export.AmountYuan"], c => TableExport.Yuan(c.AmountFen)),
        new(s["Field.Period"], c => $"{Format.Day(c.StartDate)} – {Format.Day(c.EndDate)}"),
        new(s["Field.Status"], c => s["ContractStatus." + c.Status]),
    ];
}
