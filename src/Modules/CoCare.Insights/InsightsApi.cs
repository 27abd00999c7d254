using CoCare.Insights.Features.KpiSheets;
using CoCare.Insights.Resources;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Insights;

/// <summary>REST endpoints of the Insights module: /api/v1/insights (signed in) and /api/v1/public (no sign-in, no personal data).</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights").RequireAuthorization(InsightsPolicies.Read);
        group.MapGet("/kpis", async (string? region, DateOnly? from, DateOnly? to, KpiHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SheetAsync(region, from, to, ct)))
            .WithName("Kpis").WithSummary("Every KPI of DESIGN.md for a region and its children over a period of Beijing days (default: since records began, to today); rates as fractions. Your part of a region above your scope; 404 outside it.");
        group.MapGet("/kpis/{code}/records", async (string code, string? region, DateOnly? from, DateOnly? to, int? page, int? pageSize, KpiHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.RecordsAsync(code, region, from, to, page, pageSize, ct)))
            .WithName("KpiRecords").WithSummary("The records a KPI counts, page by page (at most 200 a page): names masked, no ID numbers, phones or addresses.");

        api.MapGroup("/public").WithTags("Public").AllowAnonymous()
            .MapGet("/kpis", async (string? region, DateOnly? from, DateOnly? to, KpiHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PublicSheetAsync(region, from, to, ct)))
            .WithName("PublicKpis").WithSummary("The KPIs of a region for everyone, without sign-in: no personal data; counts of 1 to 4, and rates from fewer than 5 records, are suppressed (null, listed in suppressed).");
        return api;
    }

    /// <summary>The records behind a KPI as CSV or XLSX (<c>?format=csv|xlsx</c>), streamed from the owner's query however many there are.</summary>
    public static IEndpointRouteBuilder MapInsightsExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/insights/kpis/{code}/records", async (string code, string? format, string? region, DateOnly? from, DateOnly? to, KpiHandlers h,
                IStringLocalizer<InsightsText> s, CancellationToken ct) =>
                {
                    _ = ListExport.IsXlsx(format);
                    return await ListExport.StreamAsync(format, code, RecordColumns.For(s), await h.AllRecordsAsync(code, region, from, to, ct), ct);
                })
            .WithName("ExportKpiRecords").WithSummary("The records a KPI counts as CSV (UTF-8 with BOM, streamed) or XLSX, masked as the drill-down is.")
            .RequireAuthorization(InsightsPolicies.Read);
        return exports;
    }
}
