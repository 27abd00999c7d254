using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Features.Import;
using CoCare.Residents.Features.Needs;
using CoCare.Residents.Features.ServiceList;
using CoCare.Residents.Features.Visits;
using CoCare.Residents.Resources;
using CoCare.Ui;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Residents;

/// <summary>
/// The Residents lists as CSV or XLSX (<c>?format=csv|xlsx</c>), with the same filters as the lists (see
/// <see cref="ListExport"/>). Elders appear as the list shows them: ID number and phone masked, no address, health
/// level only where the list shows it.
/// </summary>
public static class ResidentsExports
{
    public static IEndpointRouteBuilder MapResidentsExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/residents/elders", (string? format, [AsParameters] ListQuery list, string? village, CapabilityLevel? level, ElderHandlers h,
                IStringLocalizer<ResidentsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "elders", Elders(s), list, (p, c) => h.ListAsync(p, village, level, c), ct))
            .WithName("ExportElders").WithSummary("The elders list as CSV or XLSX, masked as the list is.").RequireAuthorization(ResidentsPolicies.Read);
        exports.MapGet("/residents/needs", (string? format, [AsParameters] ListQuery list, NeedStatus? status, NeedCategory? category, NeedHandlers h,
                IStringLocalizer<ResidentsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "needs", Needs(s), list, (p, c) => h.ListAsync(p, null, status, category, c), ct))
            .WithName("ExportNeeds").WithSummary("The needs list as CSV or XLSX.").RequireAuthorization(ResidentsPolicies.Read);
        exports.MapGet("/residents/elders/{id:guid}/needs", (Guid id, string? format, [AsParameters] ListQuery list, NeedStatus? status, NeedHandlers h,
                IStringLocalizer<ResidentsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "elder-needs", Needs(s), list, (p, c) => h.ListAsync(p, id, status, null, c), ct))
            .WithName("ExportElderNeeds").WithSummary("One elder's needs as CSV or XLSX.").RequireAuthorization(ResidentsPolicies.Read);
        exports.MapGet("/residents/visits", (string? format, [AsParameters] ListQuery list, DateOnly? from, DateOnly? to, VisitHandlers h,
                IStringLocalizer<ResidentsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "visits", Visits(s), list, (p, c) => h.ListAsync(p, from, to, c), ct))
            .WithName("ExportVisits").WithSummary("The home visits list as CSV or XLSX.").RequireAuthorization(ResidentsPolicies.Read);
        exports.MapGet("/residents/service-list", (string? format, [AsParameters] ListQuery list, ServiceListStatus? status, string? village,
                ServiceListHandlers h, IStringLocalizer<ResidentsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "service-list", ServiceList(s), list, (p, c) => h.ListAsync(p, status, village, c), ct))
            .WithName("ExportServiceList").WithSummary("The service list as CSV or XLSX.").RequireAuthorization(ResidentsPolicies.Read);
        exports.MapGet("/residents/imports", (string? format, [AsParameters] ListQuery list, RosterImportHandlers h, IStringLocalizer<ResidentsText> s,
                CancellationToken ct) =>
                ListExport.ResultAsync(format, "roster-imports", Imports(s), list, (p, c) => h.ListAsync(p, c), ct))
            .WithName("ExportRosterImports").WithSummary("The roster imports list as CSV or XLSX.").RequireAuthorization(ResidentsPolicies.Manage);
        return exports;
    }

    private static ExportColumn<ElderSummary>[] Elders(IStringLocalizer<ResidentsText> s) =>
    [
        new(s["Field.Name"], e => e.Name),
        new(s["Field.Gender"], e => s["Gender." + e.Gender]),
        new(s["Field.Age"], e => e.Age),
        new(s["Field.IdNumber"], e => e.IdNumberMasked),
        new(s["Field.Phone"], e => e.PhoneMasked),
        new(s["Field.Village"], e => e.VillageCode),
        new(s["Field.Living"], e => s["Living." + e.LivingSituation]),
        new(s["Field.Level"], e => e.HealthDataHidden ? s["Elder.HealthHiddenShort"] : e.CurrentLevel is { } level ? s["Level." + level] : s["Level.None"]),
        new(s["Field.Categories"], e => string.Join("、", e.Categories.Select(c => s["Category." + c].Value))),
    ];

    private static ExportColumn<NeedDto>[] Needs(IStringLocalizer<ResidentsText> s) =>
    [
        new(s["Field.Elder"], n => n.ElderName),
        new(s["Field.NeedCategory"], n => s["NeedCategory." + n.Category]),
        new(s["Field.Detail"], n => n.Detail),
        new(s["Field.Urgency"], n => s["Urgency." + n.Urgency]),
        new(s["Field.NeedSource"], n => s["NeedSource." + n.Source]),
        new(s["Field.Status"], n => s["NeedStatus." + n.Status]),
        new(s["Field.ClosedReason"], n => n.ClosedReason),
        new(s["Field.Recorded"], n => Format.Time(n.RecordedAt)),
    ];

    private static ExportColumn<VisitDto>[] Visits(IStringLocalizer<ResidentsText> s) =>
    [
        new(s["Field.VisitDate"], v => Format.Day(v.Date)),
        new(s["Field.Village"], v => v.VillageCode),
        new(s["Field.Duration"], v => v.DurationMinutes),
        new(s["Field.Participants"], v => string.Join("、", v.Participants.Select(p => $"{p.Name}（{p.Role}）"))),
        new(s["Field.EldersSeen"], v => v.ElderIds.Count),
        new(s["Field.Observations"], v => v.Observations),
        new(s["Field.FollowUpDate"], v => v.FollowUpDate is { } d ? Format.Day(d) : null),
        new(s["Visit.NeedsFound"], v => v.NeedIds.Count),
    ];

    private static ExportColumn<ServiceListItemDto>[] ServiceList(IStringLocalizer<ResidentsText> s) =>
    [
        new(s["ServiceList.ItemTitle"], i => i.Title),
        new(s["Field.Village"], i => i.VillageCode),
        new(s["ServiceList.ServiceType"], i => s["NeedCategory." + i.ServiceType]),
        new(s["Export.Frequency"], i => s["ServiceList.Frequency", i.TimesPerPeriod, s["Period." + i.Period]].Value),
        new(s["Field.ResponsibleOrganization"], i => i.ResponsibleOrganization),
        new(s["Export.Elders"], i => string.Join("、", i.ElderNames)),
        new(s["Field.Status"], i => s["ServiceListStatus." + i.Status]),
        new(s["ServiceList.ReviewNote"], i => i.ReviewNote),
        new(s["Field.Recorded"], i => Format.Time(i.CreatedAt)),
    ];

    private static ExportColumn<RosterImportDto>[] Imports(IStringLocalizer<ResidentsText> s) =>
    [
        new(s["Import.File"], i => i.FileName),
        new(s["Field.Recorded"], i => Format.Time(i.ImportedAt)),
        new(s["Field.ImportedBy"], i => i.ImportedBy),
        new(s["Field.Rows"], i => i.Rows),
        new(s["Field.Imported"], i => i.Imported),
        new(s["Field.AlreadyPresent"], i => i.AlreadyPresent),
        new(s["Field.Rejected"], i => i.Rejected),
    ];
}
