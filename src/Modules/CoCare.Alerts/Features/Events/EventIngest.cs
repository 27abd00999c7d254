using System.Globalization;
using System.Text.Json;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Alerts;
using CoCare.Alerts.Features.Devices;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoCare.Alerts.Features.Events;

/// <summary>What became of one event: <c>accepted</c> (stored, and an alert raised for an emergency), <c>duplicate</c> (its id was seen before), or <c>refused</c> with the reason.</summary>
public sealed record EventResult(string? EventId, string Status, Guid? AlertId = null, string? Reason = null);

public sealed record IngestResult(IReadOnlyList<EventResult> Results);

/// <summary>
/// Takes signed device events, over HTTP or MQTT alike: the signature and timestamp are checked against the key the
/// request names, then each event (one, or a batch of at most <see cref="MaxBatch"/>) is checked — a known type the device
/// can send, an id, a sane time — and stored in one transaction before anything is answered. Heartbeats are folded into
/// the device's last-seen state; SOS, fall, smoke and gas raise an alert; an event id the device used before is
/// accepted once and then answered as a duplicate.
/// </summary>
internal sealed partial class EventIngest(AppDbContext db, DeviceCredentials credentials, AlertHandlers handlers, IErrorText errors, TimeProvider clock, ILogger<EventIngest> logger)
{
    public const int MaxBatch = 500;
    public const int MaxPayloadChars = 4096;

    public async Task<IngestResult> IngestAsync(string? keyId, string? timestamp, string? signature, ReadOnlyMemory<byte> body, string channel, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(keyId) || keyId.Length > 40 || string.IsNullOrEmpty(signature))
        {
            throw new DomainException("Event.Unsigned", ErrorKind.Unauthorized);
        }

        var key = await credentials.FindAsync(keyId, ct);
        var check = key is null ? SignatureCheck.BadSignature : EventSignature.Check(key.Secret, keyId, timestamp, body.Span, signature, now);
        switch (check)
        {
            case SignatureCheck.BadTimestamp or SignatureCheck.StaleTimestamp:
                throw new DomainException("Event.StaleTimestamp", ErrorKind.Unauthorized, null, (int)EventSignature.MaxSkew.TotalMinutes);
            case SignatureCheck.BadSignature:
                throw new DomainException("Event.BadSignature", ErrorKind.Unauthorized);
        }

        if (key!.Status == DeviceStatus.Retired)
        {
            throw DomainException.Forbidden("Event.DeviceRetired");
        }

        var (events, single) = Parse(body);
        var results = new EventResult?[events.Count];
        var refusedCodes = new string?[events.Count];
        var accepted = new List<(int Index, Device Device, string EventId, EventType Type, DateTime At, string? Payload)>();
        var serials = events.Select(e => e.Device).Where(s => s is not null).Distinct().ToList();
        var devices = await db.Set<Device>().Where(d => d.Id == key.DeviceId || (d.GatewayId == key.DeviceId && serials.Contains(d.Serial))).ToListAsync(ct);
        var own = devices.Single(d => d.Id == key.DeviceId);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var device = e.Device is null || e.Device == own.Serial ? own : devices.FirstOrDefault(d => d.Serial == e.Device && d.GatewayId == own.Id);
            var refusal = e.Problem
                ?? (device is null ? "Event.UnknownDevice" : null)
                ?? (device!.Status == DeviceStatus.Retired ? "Event.DeviceRetired" : null)
                ?? (!DeviceCapabilities.CanSend(device.Type, e.Type) ? "Event.TypeNotSent" : null)
                ?? (e.At > now.UtcDateTime + EventSignature.MaxSkew ? "Event.InFuture" : null);
            if (refusal is not null)
            {
                refusedCodes[i] = refusal;
                results[i] = new EventResult(e.EventId, "refused", Reason: errors.Describe(new DomainException(refusal, ErrorKind.Validation, null,
                    Name("EventType." + e.Type), device is null ? "" : Name("DeviceType." + device.Type))));
                continue;
            }

            accepted.Add((i, device!, e.EventId!, e.Type, e.At, e.Payload));
        }

        if (single && results[0] is { } refused)
        {
            throw new DomainException("Event.Refused", ErrorKind.Validation, Field(refusedCodes[0]), refused.Reason!);
        }

        await StoreAsync(accepted, results, now.UtcDateTime, channel, ct);
        return new IngestResult([.. results.Select(r => r!)]);
    }

    private async Task StoreAsync(List<(int Index, Device Device, string EventId, EventType Type, DateTime At, string? Payload)> accepted, EventResult?[] results,
        DateTime now, string channel, CancellationToken ct)
    {
        var deviceIds = accepted.Select(a => a.Device.Id).Distinct().ToList();
        var eventIds = accepted.Select(a => a.EventId).Distinct().ToList();
        var seen = (await db.Set<DeviceEvent>().AsNoTracking().Where(e => deviceIds.Contains(e.DeviceId) && eventIds.Contains(e.EventId))
                .Select(e => new { e.DeviceId, e.EventId }).ToListAsync(ct))
            .Select(e => (e.DeviceId, e.EventId)).ToHashSet();
        var alerts = new List<(int Index, Alert Alert)>();
        foreach (var a in accepted)
        {
            if (a.Type == EventType.Heartbeat)
            {
                var (battery, firmware) = HeartbeatData(a.Payload);
                a.Device.Heard(a.At, battery, firmware);
                results[a.Index] = new EventResult(a.EventId, "accepted");
                continue;
            }

            if (!seen.Add((a.Device.Id, a.EventId)))
            {
                results[a.Index] = new EventResult(a.EventId, "duplicate");
                continue;
            }

            var stored = new DeviceEvent(a.Device.Id, a.EventId, a.Type, a.At, now, a.Payload, channel);
            db.Add(stored);
            if (DeviceCapabilities.IsEmergency(a.Type))
            {
                var alert = new Alert(stored, a.Device);
                db.Add(alert);
                alerts.Add((a.Index, alert));
            }

            results[a.Index] = new EventResult(a.EventId, "accepted");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another node stored one of these event ids first: the device sent it twice; nothing is lost, answer as a duplicate.
            throw DomainException.Conflict("Event.Concurrent");
        }

        foreach (var (index, alert) in alerts)
        {
            results[index] = results[index]! with { AlertId = alert.Id };
        }

        // Stored: the device may be answered whatever happens next. Route the new alerts now (the first responder is
        // called at once); should routing fail, the escalator finds the alerts unrouted and the board shows them raised.
        if (alerts.Count > 0)
        {
            try
            {
                await handlers.RouteAsync([.. alerts.Select(a => a.Alert.Id)], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoutingFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing new alerts failed; the escalator will route them")]
    private static partial void RoutingFailed(ILogger logger, Exception e);

    /// <summary>An enum value's name in the reader's language.</summary>
    private string Name(string key) => errors.Describe(new DomainException(key)) ?? key;

    private sealed record ParsedEvent(string? EventId, EventType Type, DateTime At, string? Device, string? Payload, string? Problem);

    private static (List<ParsedEvent> Events, bool Single) Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new DomainException("Event.Malformed", ErrorKind.Validation, "body");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DomainException("Event.Malformed", ErrorKind.Validation, "body");
            }

            if (!root.TryGetProperty("events", out var batch))
            {
                return ([One(root)], true);
            }

            if (batch.ValueKind != JsonValueKind.Array || batch.GetArrayLength() is 0 or > MaxBatch)
            {
                throw new DomainException("Event.BatchSize", ErrorKind.Validation, "events", MaxBatch);
            }

            return ([.. batch.EnumerateArray().Select(One)], false);
        }
    }

    private static ParsedEvent One(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ParsedEvent(null, default, default, null, null, "Event.Malformed");
        }

        var id = Text(e, "eventId");
        var device = Text(e, "device");
        if (id is not { Length: > 0 and <= 64 } || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'))
        {
            return new ParsedEvent(id, default, default, device, null, "Event.Id");
        }

        if (!Enum.TryParse<EventType>(Text(e, "type"), ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(Text(e, "type"), out _))
        {
            return new ParsedEvent(id, default, default, device, null, "Event.UnknownType");
        }

        if (!DateTimeOffset.TryParse(Text(e, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return new ParsedEvent(id, type, default, device, null, "Event.Time");
        }

        string? payload = null;
        if (e.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            payload = p.ValueKind == JsonValueKind.Object ? p.GetRawText() : null;
            if (payload is null || payload.Length > MaxPayloadChars)
            {
                return new ParsedEvent(id, type, at.UtcDateTime, device, null, "Event.Payload");
            }
        }

        return new ParsedEvent(id, type, at.UtcDateTime, device, payload, null);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The input a refused single event is blamed on, for the problem's <c>errors</c>.</summary>
    private static string Field(string? code) => code switch
    {
        "Event.Id" => "eventId",
        "Event.Time" or "Event.InFuture" => "time",
        "Event.Payload" => "payload",
        "Event.UnknownDevice" or "Event.DeviceRetired" => "device",
        "Event.Malformed" => "body",
        _ => "type",
    };

    /// <summary>A heartbeat's battery (0–100) and firmware from its payload, read once.</summary>
    private static (int? Battery, string? Firmware) HeartbeatData(string? payload)
    {
        if (payload is null)
        {
            return (null, null);
        }

        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        int? battery = root.TryGetProperty("battery", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out var percent) ? percent : null;
        var firmware = root.TryGetProperty("firmware", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        return (battery, firmware);
    }
}
