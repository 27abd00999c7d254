using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Devices;
using CoCare.Alerts.Features.Events;
using CoCare.Alerts.Resources;
using CoCare.Kernel;
using CoCare.Ui.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Alerts;

/// <summary>REST endpoints of the Alerts module under /api/v1/alerts: devices (signed-in staff) and events (devices, signed with their key).</summary>
public static class AlertsApi
{
    public const string KeyHeader = "X-CoCare-Key";
    public const string TimestampHeader = "X-CoCare-Timestamp";
    public const string SignatureHeader = "X-CoCare-Signature";

    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        var devices = alerts.MapGroup("/devices");
        devices.MapGet("/", async ([AsParameters] ListQuery list, DeviceStatus? status, DeviceType? type, DeviceHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), status, type, ct)))
            .WithName("ListDevices").WithSummary("Devices in the caller's villages (sort: registered, serial, lastHeartbeat; q: serial or model).").RequireAuthorization(AlertsPolicies.Read);
        devices.MapGet("/{id:guid}", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetDevice").WithSummary("One device with its last-seen state (404 outside the caller's villages).").RequireAuthorization(AlertsPolicies.Read);
        devices.MapPost("/", async (RegisterDevice request, DeviceHandlers h, CancellationToken ct) =>
            {
                var credential = await h.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/v1/alerts/devices/{credential.Device.Id}", credential);
            })
            .WithName("RegisterDevice").WithSummary("Register a device for an elder or a village; the answer holds its key id and secret, shown this once.").RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPost("/{id:guid}/rotate-key", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RotateKeyAsync(id, ct)))
            .WithName("RotateDeviceKey").WithSummary("A new key id and secret (shown this once); the old key stops working at once.").RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPost("/{id:guid}/retire", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RetireAsync(id, ct)))
            .WithName("RetireDevice").WithSummary("Retire a device: its events are refused from now on.").RequireAuthorization(AlertsPolicies.Manage);

        alerts.MapPost("/events", async (HttpContext http, EventIngest ingest, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, ct);
                var headers = http.Request.Headers;
                return TypedResults.Ok(await ingest.IngestAsync(headers[KeyHeader], headers[TimestampHeader], headers[SignatureHeader],
                    buffer.GetBuffer().AsMemory(0, (int)buffer.Length), "http", ct));
            })
            .AllowAnonymous()
            .WithName("PostDeviceEvents").WithSummary("A device's event, or {\"events\":[…]} (at most 500), signed: X-CoCare-Key, X-CoCare-Timestamp (Unix seconds, within 5 minutes), X-CoCare-Signature = hex HMAC-SHA256 over key + \\n + timestamp + \\n + body. Emergencies are stored before the answer; a repeated event id is answered as a duplicate.");
        return api;
    }

    public static IEndpointRouteBuilder MapAlertsExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/alerts/devices", (string? format, [AsParameters] ListQuery list, DeviceStatus? status, DeviceType? type, DeviceHandlers h,
                IStringLocalizer<AlertsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "devices", Columns(s), list, (p, c) => h.ListAsync(p, status, type, c), ct))
            .WithName("ExportDevices").WithSummary("The devices list as CSV or XLSX.").RequireAuthorization(AlertsPolicies.Read);
        return exports;
    }

    private static ExportColumn<DeviceDto>[] Columns(IStringLocalizer<AlertsText> s) =>
    [
        new(s["Field.Serial"], d => d.Serial),
        new(s["Field.Type"], d => s["DeviceType." + d.Type]),
        new(s["Field.Model"], d => d.Model),
        new(s["Field.Village"], d => d.VillageCode),
        new(s["Field.Status"], d => s["DeviceStatus." + d.Status]),
        new(s["Field.Battery"], d => d.BatteryPercent),
        new(s["Field.LastHeartbeat"], d => d.LastHeartbeatAt is null ? null : CoCare.Ui.Format.Time(d.LastHeartbeatAt)),
    ];
}
