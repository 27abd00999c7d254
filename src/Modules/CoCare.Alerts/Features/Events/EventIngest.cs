using System.Globalization;
using System.Text.Json;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Devices;
using CoCare.Kernel;

namespace CoCare.Alerts.Features.Events;

/// <summary>What became of one event: <c>accepted</c> (stored, and an alert raised for an emergency), <c>duplicate</c> (its id was seen before), or <c>refused</c> with the reason.</summary>
public sealed record EventResult(string? EventId, string Status, Guid? AlertId = null, string? Reason = null);

/// <summary>The answer to a request; <see cref="HeartbeatsOnly"/> (not sent) says every event was an accepted heartbeat.</summary>
public sealed record IngestResult(IReadOnlyList<EventResult> Results, [property: System.Text.Json.Serialization.JsonIgnore] bool HeartbeatsOnly = false);

/// <summary>
/// Takes signed device events, over HTTP or MQTT alike: the signature and timestamp are checked against the key the
/// request names, then each event (one, or a batch of at most <see cref="MaxBatch"/>) is checked — a known type the device
/// can send, an id, a sane time. Heartbeats are folded into the device's last-seen state in memory
/// (<see cref="HeartbeatBuffer"/>); every other event goes to the <see cref="EventWriter"/> and is answered once stored,
/// with the alert it raised (SOS, fall, smoke and gas always; doors at night and no activity as the rules say); an event
/// id the device used before is accepted once and then answered as a duplicate.
/// </summary>
internal sealed class EventIngest(DeviceCredentials credentials, HeartbeatBuffer heartbeats, EventWriter writer, IErrorText errors, TimeProvider clock)
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
        var toStore = new List<(int Index, PendingEvent Event)>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var device = key.Resolve(e.Device);
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

            if (e.Type == EventType.Heartbeat)
            {
                heartbeats.Record(device!.Id, Beat(e.At, e.Payload));
                results[i] = new EventResult(e.EventId, "accepted");
                continue;
            }

            toStore.Add((i, new PendingEvent(device!.Id, e.EventId!, e.Type, e.At, e.Payload, channel)));
        }

        if (single && results[0] is { Status: "refused" } refused)
        {
            throw new DomainException("Event.Refused", ErrorKind.Validation, Field(refusedCodes[0]), refused.Reason!);
        }

        if (toStore.Count > 0)
        {
            var stored = await writer.WriteAsync([.. toStore.Select(s => s.Event)], ct);
            for (var i = 0; i < toStore.Count; i++)
            {
                results[toStore[i].Index] = stored[i];
            }
        }

        return new IngestResult([.. results.Select(r => r!)], toStore.Count == 0 && refusedCodes.All(c => c is null));
    }

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

    /// <summary>A heartbeat with what its payload says: battery (0–100), firmware, and <c>"activity": true</c> when the device sensed the elder moving.</summary>
    private static Beat Beat(DateTime at, string? payload)
    {
        if (payload is null)
        {
            return new Beat(at, null, null, null);
        }

        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        int? battery = root.TryGetProperty("battery", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out var percent) ? percent : null;
        var firmware = root.TryGetProperty("firmware", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var active = root.TryGetProperty("activity", out var a) && a.ValueKind == JsonValueKind.True;
        return new Beat(at, battery, firmware, active ? at : null);
    }
}
