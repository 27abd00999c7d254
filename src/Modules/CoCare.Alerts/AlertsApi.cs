using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Alerts;
using CoCare.Alerts.Features.Board;
using CoCare.Alerts.Features.Devices;
using CoCare.Alerts.Features.Duty;
using CoCare.Alerts.Features.Events;
using CoCare.Alerts.Features.Maintenance;
using CoCare.Alerts.Features.Rules;
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
        devices.MapGet("/{id:guid}/days", async (Guid id, int? days, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.DaysAsync(id, days ?? 30, ct)))
            .WithName("DeviceDays").WithSummary("The device's last days (days=1–366, default 30), newest first: heartbeats heard and the lowest battery reported; a silent day is absent.")
            .RequireAuthorization(AlertsPolicies.Read);
        devices.MapPost("/", async (RegisterDevice request, DeviceHandlers h, CancellationToken ct) =>
            {
                var credential = await h.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/v1/alerts/devices/{credential.Device.Id}", credential);
            })
            .WithName("RegisterDevice").WithSummary("Register a device for an elder or a village; the answer holds its key id and secret, shown this once.").RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPost("/batch", async (RegisterDevices request, DeviceHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.RegisterManyAsync(request.Devices, ct)))
            .WithName("RegisterDevices").WithSummary("Register up to 1,000 devices at once ({\"devices\":[…]}, each as for one): all or none; the answer holds every key id and secret, shown this once.")
            .RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPost("/{id:guid}/rotate-key", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RotateKeyAsync(id, ct)))
            .WithName("RotateDeviceKey").WithSummary("A new key id and secret (shown this once); the old key stops working at once.").RequireAuthorization(AlertsPolicies.Manage);
        devices.MapGet("/{id:guid}/installation", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.InstallationAsync(id, ct)))
            .WithName("DeviceInstallation").WithSummary("Where the device is installed, with its address in full (the read is audit-logged).").RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPut("/{id:guid}/installation", async (Guid id, InstallDevice request, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.InstallAsync(id, request, ct)))
            .WithName("InstallDevice").WithSummary("Move a device: {elderId} or {villageCode}, with an optional address (≤200 characters, stored encrypted) and point; an elder's device without a point takes the elder's home's.")
            .RequireAuthorization(AlertsPolicies.Manage);
        devices.MapPost("/{id:guid}/retire", async (Guid id, DeviceHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RetireAsync(id, ct)))
            .WithName("RetireDevice").WithSummary("Retire a device: its events are refused from now on.").RequireAuthorization(AlertsPolicies.Manage);

        alerts.MapGet("/", async ([AsParameters] ListQuery list, AlertStatus? status, bool? open, AlertHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), status, open == true, ct)))
            .WithName("ListAlerts").WithSummary("Alerts in the caller's villages, newest first (open=true: not yet resolved; sort: raised, status).").RequireAuthorization(AlertsPolicies.Read);
        alerts.MapGet("/board", async (BoardHandlers h, CancellationToken ct) => TypedResults.Ok(await h.BoardAsync(ct)))
            .WithName("AlertBoard").WithSummary("The live board's data: open alerts oldest first (masked names), volunteers on shift now, device points, and the last 30 days' response time (median, 90th percentile), false-alarm rate and offline devices.")
            .RequireAuthorization(AlertsPolicies.Read);
        alerts.MapGet("/mine", async (AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(ct)))
            .WithName("MyAlerts").WithSummary("The alerts that reached the caller as a responder: open ones first, then those resolved in the last day.");
        alerts.MapGet("/{id:guid}", async (Guid id, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetAlert").WithSummary("One alert with its ladder and timings (404 unless in the caller's villages or routed to them).");
        alerts.MapGet("/{id:guid}/elder", async (Guid id, AlertHandlers h, CancellationToken ct) =>
                await h.BriefAsync(id, ct) is { } brief ? Results.Ok(brief) : Results.NoContent())
            .WithName("AlertElderBrief").WithSummary("For a responder the alert reached: the elder's name, address, phone, family contacts and key health notes (each read audit-logged); 204 once resolved or when no elder; 403 for others.");
        alerts.MapGet("/{id:guid}/scene", async (Guid id, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SceneAsync(id, ct)))
            .WithName("AlertScene").WithSummary("For a responder the alert reached: the device that raised it, its installed address in full (the read audit-logged) and point; 403 for others.");
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AcknowledgeAsync(id, ct)))
            .WithName("AcknowledgeAlert").WithSummary("I am going: only someone the alert reached (403 otherwise); the first to acknowledge takes it (409 after).");
        alerts.MapPost("/{id:guid}/arrive", async (Guid id, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ArriveAsync(id, ct)))
            .WithName("ArriveAtAlert").WithSummary("I am with the elder (the one who acknowledged).");
        var position = alerts.MapGroup("/responders/me/position");
        position.MapGet("/", async (ResponderPositions h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(ct)))
            .WithName("MyResponderPosition").WithSummary("Whether I share my phone's position for routing, since when and until when it counts.");
        position.MapPut("/", async (SharePosition request, ResponderPositions h, CancellationToken ct) => TypedResults.Ok(await h.ShareAsync(request, ct)))
            .WithName("ShareResponderPosition").WithSummary("Share where my phone is ({latitude, longitude}, WGS-84): while fresh (Alerts:PositionFreshMinutes, 60) the nearest volunteer on shift is called first. Stored encrypted.");
        position.MapDelete("/", async (ResponderPositions h, CancellationToken ct) => TypedResults.Ok(await h.StopAsync(ct)))
            .WithName("StopSharingResponderPosition").WithSummary("Stop sharing: my position is deleted.");
        alerts.MapPost("/{id:guid}/family-informed", async (Guid id, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.FamilyInformedAsync(id, ct)))
            .WithName("AlertFamilyInformed").WithSummary("I have told the elder's family (the one who acknowledged; once; 409 before acknowledging or for an alert with no elder).");
        alerts.MapPost("/{id:guid}/resolve", async (Guid id, ResolveAlert request, AlertHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ResolveAsync(id, request, ct)))
            .WithName("ResolveAlert").WithSummary("Close the alert with its outcome (Handled, FalseAlarm, HandedTo120, HandedTo110) and a note; only after acknowledging (409 before).");
        alerts.MapGet("/maintenance", async ([AsParameters] ListQuery list, bool? open, MaintenanceKind? kind, MaintenanceHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), open == true, kind, ct)))
            .WithName("ListMaintenanceTasks").WithSummary("Devices to visit that are not emergencies — offline (no heartbeat for Alerts:OfflineAfterMinutes) or battery at 20% or less; open=true for those not yet closed; q: the device's serial.")
            .RequireAuthorization(AlertsPolicies.Read);
        var duty = alerts.MapGroup("/duty");
        duty.MapGet("/", async ([AsParameters] ListQuery list, string? village, ResponderKind? kind, bool? past, DutyRoster h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), village, kind, past == true, ct)))
            .WithName("ListDutyShifts").WithSummary("The alert duty roster of the caller's villages: entries not yet over, soonest first (past=true: those over, newest first; sort: starts, kind).")
            .RequireAuthorization(AlertsPolicies.Read);
        duty.MapGet("/candidates", async (string? village, ResponderKind? kind, DutyRoster h, CancellationToken ct) => TypedResults.Ok(await h.CandidatesAsync(village, kind, ct)))
            .WithName("DutyCandidates").WithSummary("Who may be rostered in a village for a rung: VillageDuty the village committee's accounts, Worker and ProviderManager the provider's.")
            .RequireAuthorization(AlertsPolicies.Manage);
        duty.MapPost("/", async (RosterDuty request, DutyRoster h, CancellationToken ct) =>
            {
                var shift = await h.AddAsync(request, ct);
                return TypedResults.Created($"/api/v1/alerts/duty/{shift.Id}", shift);
            })
            .WithName("RosterDuty").WithSummary("Put someone on duty in a village from startsAt to endsAt (UTC, at most 31 days, not already over): kind Worker (called with the volunteers on shift), VillageDuty or ProviderManager (while anyone is rostered, that rung calls only them). The village committee rosters VillageDuty, the provider the other two. weeks (1-13, default 1) repeats the same stretch weekly (each at most 7 days); the answer is the first entry.")
            .RequireAuthorization(AlertsPolicies.Manage);
        duty.MapDelete("/{id:guid}", async (Guid id, DutyRoster h, CancellationToken ct) =>
            {
                await h.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveDutyShift").WithSummary("Take an entry off the roster.").RequireAuthorization(AlertsPolicies.Manage);
        var rules = alerts.MapGroup("/rules/{villageCode}");
        rules.MapGet("/", async (string villageCode, RuleHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(villageCode, ct)))
            .WithName("GetAlertRules").WithSummary("A village's alert rules (the defaults until set) and the elders with rules of their own.").RequireAuthorization(AlertsPolicies.Read);
        rules.MapPut("/", async (string villageCode, RuleDto request, RuleHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetVillageAsync(villageCode, request, ct)))
            .WithName("SetAlertRules").WithSummary("Set a village's rules: door open at night (window HH:mm, Beijing time), hours without activity (0–72, 0 = off), quiet hours, family informed.")
            .RequireAuthorization(AlertsPolicies.Manage);
        rules.MapPut("/elders/{elderId:guid}", async (string villageCode, Guid elderId, RuleDto request, RuleHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.SetElderAsync(villageCode, elderId, request, ct)))
            .WithName("SetElderAlertRules").WithSummary("Give one elder of the village rules of their own, overriding the village's.").RequireAuthorization(AlertsPolicies.Manage);
        rules.MapDelete("/elders/{elderId:guid}", async (string villageCode, Guid elderId, RuleHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ClearElderAsync(villageCode, elderId, ct)))
            .WithName("ClearElderAlertRules").WithSummary("The elder follows the village's rules again.").RequireAuthorization(AlertsPolicies.Manage);
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
        exports.MapGet("/alerts", (string? format, [AsParameters] ListQuery list, AlertStatus? status, bool? open, AlertHandlers h, IStringLocalizer<AlertsText> s,
                CancellationToken ct) =>
                ListExport.ResultAsync(format, "alerts", AlertColumns(s), list, (p, c) => h.ListAsync(p, status, open == true, c), ct))
            .WithName("ExportAlerts").WithSummary("The alerts list with every step's time as CSV or XLSX.").RequireAuthorization(AlertsPolicies.Read);
        exports.MapGet("/alerts/duty", (string? format, [AsParameters] ListQuery list, string? village, ResponderKind? kind, bool? past, DutyRoster h,
                IStringLocalizer<AlertsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "duty", DutyColumns(s), list, (p, c) => h.ListAsync(p, village, kind, past == true, c), ct))
            .WithName("ExportDutyShifts").WithSummary("The duty roster as CSV or XLSX.").RequireAuthorization(AlertsPolicies.Read);
        exports.MapGet("/alerts/maintenance", (string? format, [AsParameters] ListQuery list, bool? open, MaintenanceKind? kind, MaintenanceHandlers h,
                IStringLocalizer<AlertsText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "maintenance", MaintenanceColumns(s), list, (p, c) => h.ListAsync(p, open == true, kind, c), ct))
            .WithName("ExportMaintenanceTasks").WithSummary("The maintenance tasks as CSV or XLSX.").RequireAuthorization(AlertsPolicies.Read);
        return exports;
    }

    private static ExportColumn<DutyShiftDto>[] DutyColumns(IStringLocalizer<AlertsText> s) =>
    [
        new(s["Field.Village"], d => d.VillageCode),
        new(s["Duty.Kind"], d => s["ResponderKind." + d.Kind]),
        new(s["Duty.Person"], d => d.AccountName),
        new(s["Duty.From"], d => CoCare.Ui.Format.Time(d.StartsAt)),
        new(s["Duty.To"], d => CoCare.Ui.Format.Time(d.EndsAt)),
    ];

    private static ExportColumn<MaintenanceDto>[] MaintenanceColumns(IStringLocalizer<AlertsText> s) =>
    [
        new(s["Field.Opened"], t => CoCare.Ui.Format.Time(t.OpenedAt)),
        new(s["Field.Serial"], t => t.Serial),
        new(s["Field.Type"], t => s["DeviceType." + t.DeviceType]),
        new(s["Field.Village"], t => t.VillageCode),
        new(s["Field.Task"], t => s["MaintenanceKind." + t.Kind]),
        new(s["Field.Battery"], t => t.BatteryPercent),
        new(s["Field.LastHeartbeat"], t => t.LastHeartbeatAt is null ? null : CoCare.Ui.Format.Time(t.LastHeartbeatAt)),
        new(s["Field.Closed"], t => t.ClosedAt is null ? null : CoCare.Ui.Format.Time(t.ClosedAt)),
    ];

    private static ExportColumn<AlertDto>[] AlertColumns(IStringLocalizer<AlertsText> s) =>
    [
        new(s["Field.Raised"], a => CoCare.Ui.Format.Time(a.RaisedAt)),
        new(s["Field.Kind"], a => s["EventType." + a.Kind]),
        new(s["Field.Village"], a => a.VillageCode),
        new(s["Field.Status"], a => s["AlertStatus." + a.Status]),
        new(s["Field.Notified"], a => a.NotifiedAt is null ? null : CoCare.Ui.Format.Time(a.NotifiedAt)),
        new(s["Field.Acknowledged"], a => a.AcknowledgedAt is null ? null : CoCare.Ui.Format.Time(a.AcknowledgedAt)),
        new(s["Field.OnSite"], a => a.OnSiteAt is null ? null : CoCare.Ui.Format.Time(a.OnSiteAt)),
        new(s["Field.Resolved"], a => a.ResolvedAt is null ? null : CoCare.Ui.Format.Time(a.ResolvedAt)),
        new(s["Field.Outcome"], a => a.Outcome is { } o ? s["AlertOutcome." + o] : null),
        new(s["Field.Responders"], a => string.Join("、", a.Ladder.Where(r => r.NotifiedAt is not null).Select(r => r.Name))),
        new(s["Field.Note"], a => a.ResolutionNote),
    ];

    private static ExportColumn<DeviceDto>[] Columns(IStringLocalizer<AlertsText> s) =>
    [
        new(s["Field.Serial"], d => d.Serial),
        new(s["Field.Type"], d => s["DeviceType." + d.Type]),
        new(s["Field.Model"], d => d.Model),
        new(s["Field.Village"], d => d.VillageCode),
        new(s["Field.Elder"], d => d.ElderName),
        new(s["Field.Address"], d => d.Address),
        new(s["Field.Status"], d => s["DeviceStatus." + d.Status]),
        new(s["Field.Battery"], d => d.BatteryPercent),
        new(s["Field.LastHeartbeat"], d => d.LastHeartbeatAt is null ? null : CoCare.Ui.Format.Time(d.LastHeartbeatAt)),
    ];
}
