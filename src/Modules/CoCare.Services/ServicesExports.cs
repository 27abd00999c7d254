using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using CoCare.Services.Features.Catalogue;
using CoCare.Services.Features.Orders;
using CoCare.Services.Resources;
using CoCare.Ui;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Services;

/// <summary>The Services lists (orders, a point's check-ins) as CSV or XLSX (<c>?format=csv|xlsx</c>), with the lists' filters (see <see cref="ListExport"/>).</summary>
public static class ServicesExports
{
    public static IEndpointRouteBuilder MapServicesExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/services/orders", async (string? format, [AsParameters] ListQuery list, OrderStatus? status, bool? mine, bool? flagged, OrderHandlers h,
                CatalogueHandlers catalogue, IStringLocalizer<ServicesText> s, CancellationToken ct) =>
                {
                    var types = (await catalogue.ListTypesAsync(true, ct)).ToDictionary(t => t.Code, t => t.Name);
                    return await ListExport.ResultAsync(format, "orders", Orders(s, types), list, (p, c) => h.ListAsync(p, status, mine == true, flagged == true, c), ct);
                })
            .WithName("ExportOrders").WithSummary("The service orders list as CSV or XLSX.").RequireAuthorization(ServicesPolicies.Read);
        exports.MapGet("/services/canteens/{id:guid}/checkins", (Guid id, string? format, DateOnly? day, [AsParameters] ListQuery list, CheckInHandlers h,
                IStringLocalizer<ServicesText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "checkins", CheckIns(s), list, (p, c) => h.ListAsync(id, day, p, c), ct))
            .WithName("ExportCheckIns").WithSummary("A day's check-ins at a point as CSV or XLSX.").RequireAuthorization(ServicesPolicies.Read);
        return exports;
    }

    private static ExportColumn<OrderDto>[] Orders(IStringLocalizer<ServicesText> s, Dictionary<string, string> types) =>
    [
        new(s["Desk.Elder"], o => o.ElderName),
        new(s["Export.Village"], o => o.VillageCode),
        new(s["Desk.Service"], o => types.GetValueOrDefault(o.ServiceTypeCode) ?? o.ServiceTypeCode),
        new(s["Export.Source"], o => s["OrderSource." + o.Source]),
        new(s["Export.Requested"], o => Format.Time(o.RequestedAt)),
        new(s["Export.Scheduled"], o => o.ScheduledFor is null ? null : Format.Time(o.ScheduledFor)),
        new(s["Desk.Status"], o => s["OrderStatus." + o.Status]),
        new(s["Desk.Worker"], o => o.WorkerName),
        new(s["Export.Minutes"], o => o.Minutes is { } m ? Math.Round(m, 1) : null),
        new(s["Export.Completed"], o => o.CompletedAt is null ? null : Format.Time(o.CompletedAt)),
        new(s["Export.ListPriceYuan"], o => o.ListPriceFen is { } fen ? TableExport.Yuan(fen) : null),
        new(s["Export.SubsidyYuan"], o => o.SubsidyFen is { } fen ? TableExport.Yuan(fen) : null),
        new(s["Export.Paid"], o => o.PaidFen is { } fen ? TableExport.Yuan(fen) : null),
        new(s["Desk.Signals"], o => string.Join("、", o.FraudSignals.Select(f => s["Signal." + f].Value))),
        new(s["Export.CancelReason"], o => o.CancelReason),
    ];

    private static ExportColumn<CheckInDto>[] CheckIns(IStringLocalizer<ServicesText> s) =>
    [
        new(s["Desk.Elder"], c => c.ElderName),
        new(s["Export.Time"], c => Format.Time(c.At)),
        new(s["Export.Session"], c => c.Session),
        new(s["Export.Method"], c => s["CheckInMethod." + c.Method]),
        new(s["Export.ListPriceYuan"], c => TableExport.Yuan(c.ListPriceFen)),
        new(s["Export.SubsidyYuan"], c => TableExport.Yuan(c.SubsidyFen)),
        new(s["Export.Paid"], c => TableExport.Yuan(c.PaidFen)),
        new(s["Export.SubsidyName"], c => c.SubsidyName ?? c.NotApplied),
        new(s["Export.Payment"], c => s["Payment." + c.Payment]),
        new(s["Export.RecordedBy"], c => c.RecordedBy),
    ];
}
