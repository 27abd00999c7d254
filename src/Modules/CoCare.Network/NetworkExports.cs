using CoCare.Kernel;
using CoCare.Network.Features;
using CoCare.Network.Resources;
using CoCare.Ui;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Network;

/// <summary>The Network lists (contributions, the responsibility list, interactions) as CSV or XLSX (<c>?format=csv|xlsx</c>), with the lists' filters (see <see cref="ListExport"/>).</summary>
public static class NetworkExports
{
    public static IEndpointRouteBuilder MapNetworkExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/network/contributions", (string? format, Guid? projectId, string? region, [AsParameters] ListQuery list, NetworkHandlers h,
                IStringLocalizer<NetworkText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "contributions", Contributions(s), list, (p, c) => h.ListContributionsAsync(projectId, region, p, c), ct))
            .WithName("ExportContributions").WithSummary("The contributions list as CSV or XLSX.").RequireAuthorization(NetworkPolicies.Read);
        exports.MapGet("/network/tasks", (string? format, Guid? projectId, Guid? organizationId, bool? overdue, [AsParameters] ListQuery list, NetworkHandlers h,
                IStringLocalizer<NetworkText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "tasks", Tasks(s), list, (p, c) => h.ListTasksAsync(projectId, organizationId, overdue == true, p, c), ct))
            .WithName("ExportTasks").WithSummary("The responsibility list as CSV or XLSX.").RequireAuthorization(NetworkPolicies.Read);
        exports.MapGet("/network/interactions", (string? format, string? region, Guid? organizationId, [AsParameters] ListQuery list, NetworkHandlers h,
                IStringLocalizer<NetworkText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "interactions", Interactions(s), list, (p, c) => h.ListInteractionsAsync(region, organizationId, p, c), ct))
            .WithName("ExportInteractions").WithSummary("The partnership interactions as CSV or XLSX.").RequireAuthorization(NetworkPolicies.Read);
        return exports;
    }

    private static ExportColumn<ContributionDto>[] Contributions(IStringLocalizer<NetworkText> s) =>
    [
        new(s["Overview.On"], c => Format.Day(c.On)),
        new(s["Overview.Contributor"], c => c.ContributorName),
        new(s["Overview.Kind"], c => s["Kind." + c.Kind]),
        new(s["Export.Source"], c => c.Source is { } source ? s["Source." + source] : null),
        new(s["Overview.What"], c => c.Description),
        new(s["Overview.Valuation"], c => s["Method." + c.Method]),
        new(s["Export.Hours"], c => c.Hours),
        new(s["Export.ValueYuan"], c => TableExport.Yuan(c.ValueFen)),
        new(s["Export.Funds"], c => c.GovernmentFunds ? s["Overview.Government"] : s["Overview.NonGovernment"]),
        new(s["Overview.Region"], c => c.RegionCode),
    ];

    private static ExportColumn<TaskDto>[] Tasks(IStringLocalizer<NetworkText> s) =>
    [
        new(s["Overview.Task"], t => t.Title),
        new(s["Overview.Responsible"], t => $"{t.ResponsibleOrganization} · {t.ResponsiblePerson}"),
        new(s["Overview.Supporting"], t => string.Join("、", t.Supporting)),
        new(s["Overview.Due"], t => Format.Day(t.DueOn)),
        new(s["Overview.Status"], t => s["Status." + t.Status] + (t.Overdue ? "（" + s["Overview.IsOverdue"] + "）" : "")),
        new(s["Export.Evidence"], t => t.Evidence),
        new(s["Export.DoneOn"], t => t.DoneOn is { } d ? Format.Day(d) : null),
        new(s["Overview.Region"], t => t.RegionCode),
    ];

    private static ExportColumn<InteractionDto>[] Interactions(IStringLocalizer<NetworkText> s) =>
    [
        new(s["Overview.On"], i => Format.Day(i.On)),
        new(s["Export.InteractionKind"], i => s["InteractionKind." + i.Kind]),
        new(s["Export.Parties"], i => string.Join("、", i.Organizations)),
        new(s["Export.Note"], i => i.Note),
        new(s["Overview.Region"], i => i.RegionCode),
    ];
}
