using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCare.Alerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.IntegrationTests;

/// <summary>Devices are registered with a credential shown once; their signed events raise alerts, exactly once, and nothing unsigned gets in.</summary>
[Collection(ApiTests.Name)]
public class AlertsTests(SharedApps apps)
{
    public sealed record Credential(Guid DeviceId, string Serial, string KeyId, string Secret);

    internal static async Task<Credential> RegisterAsync(HttpClient staff, object device)
    {
        var created = await HttpAssert.JsonAsync(await staff.PostAsJsonAsync("/api/v1/alerts/devices", device), 201);
        return new Credential(created.GetProperty("device").GetProperty("id").GetGuid(), created.GetProperty("device").GetProperty("serial").GetString()!,
            created.GetProperty("keyId").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private static async Task<Guid> ElderAsync(HttpClient staff) =>
        (await HttpAssert.JsonAsync(await staff.GetAsync($"/api/v1/residents/elders?village={ResidentsApiTests.GVillage}&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetGuid();

    internal static string Serial(string kind) => kind + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Sends <paramref name="body"/> as the device would: signed with its key at the server's time (shifted by <paramref name="skew"/>).</summary>
    internal static async Task<HttpResponseMessage> SendAsync(CoCareApp app, HttpClient client, Credential key, string body, TimeSpan skew = default, string? signature = null)
    {
        var stamp = (app.Clock.GetUtcNow() + skew).ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-CoCare-Key", key.KeyId);
        request.Headers.Add("X-CoCare-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CoCare-Signature", signature ?? EventSignature.Sign(Convert.FromBase64String(key.Secret), key.KeyId, stamp, bytes));
        return await client.SendAsync(request);
    }

    internal static string Event(string id, string type, DateTimeOffset at, string? device = null, string payload = "null") =>
        $$"""{"eventId":"{{id}}","type":"{{type}}","time":"{{at.UtcDateTime:O}}","device":{{(device is null ? "null" : "\"" + device + "\"")}},"payload":{{payload}}}""";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APendantPress_RaisesOneAlert_HowEverOftenItIsSent(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elder = await ElderAsync(provider);
        var pendant = await RegisterAsync(provider, new { type = "SosPendant", serial = Serial("P"), model = "YT-SOS2", elderId = elder, latitude = 25.79, longitude = 109.6 });
        Assert.Equal(44, pendant.Secret.Length);

        // The secret is shown once: neither the device's page nor the database holds it readable.
        var page = await provider.GetStringAsync($"/api/v1/alerts/devices/{pendant.DeviceId}");
        Assert.DoesNotContain(pendant.Secret, page, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(d => d.Set<Device>().AsNoTracking().SingleAsync(x => x.Id == pendant.DeviceId));
        Assert.DoesNotContain(pendant.Secret, stored.SecretCipher, StringComparison.Ordinal);
        Assert.Equal((ResidentsApiTests.GVillage, DeviceStatus.Active), (stored.VillageCode, stored.Status));

        using var device = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        var press = Event("sos-" + Guid.NewGuid().ToString("N"), "Sos", now);
        var first = await HttpAssert.JsonAsync(await SendAsync(app, device, pendant, press));
        var result = first.GetProperty("results")[0];
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        var alertId = result.GetProperty("alertId").GetGuid();
        var alert = await Eventually.UntilAsync(() => app.WithDbAsync(d => d.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == alertId)),
            a => a.Status == AlertStatus.Notified);
        Assert.Equal((elder, EventType.Sos, AlertStatus.Notified, ResidentsApiTests.GVillage), (alert.ElderId!.Value, alert.Kind, alert.Status, alert.VillageCode)); // routed at once

        // The device did not hear the answer and sends it again, twice at once: still one event, one alert.
        var again = await Task.WhenAll(SendAsync(app, device, pendant, press), SendAsync(app, device, pendant, press));
        foreach (var response in again)
        {
            var status = response.StatusCode == HttpStatusCode.OK ? (await HttpAssert.JsonAsync(response)).GetProperty("results")[0].GetProperty("status").GetString() : "conflict";
            Assert.Contains(status, new[] { "duplicate", "conflict" });
        }

        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Alert>().CountAsync(a => a.DeviceId == pendant.DeviceId)));

        // A batch: a heartbeat folds into the device, a fall raises a second alert, a door-open a pendant cannot send is refused by itself.
        var batch = $$"""{"events":[{{Event("hb-1", "Heartbeat", now, payload: "{\"battery\":64,\"firmware\":\"2.1.0\"}")}},{{Event("fall-1", "Fall", now)}},{{Event("door-1", "DoorOpen", now)}},{{press}}]}""";
        var results = (await HttpAssert.JsonAsync(await SendAsync(app, device, pendant, batch))).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "accepted", "refused", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains("门", results[2].GetProperty("reason").GetString() ?? "", StringComparison.Ordinal);
        var seen = await Eventually.UntilAsync(() => provider.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/devices/{pendant.DeviceId}"),
            d => d.GetProperty("batteryPercent").ValueKind == JsonValueKind.Number); // heartbeats are written within a second
        Assert.Equal(64, seen.GetProperty("batteryPercent").GetInt32());
        Assert.Equal("2.1.0", seen.GetProperty("firmware").GetString());
        using var auditor = await app.ClientAsync("auditor");
        var updates = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/audit?entityType=Device&entityKey={pendant.DeviceId}&action=Update"));
        Assert.Equal(0, updates.GetProperty("total").GetInt32()); // what the device reports is telemetry, not a person's change
        var registered = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/audit?entityType=Device&entityKey={pendant.DeviceId}&action=Insert"));
        Assert.Equal(1, registered.GetProperty("total").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(d => d.Set<Alert>().CountAsync(a => a.DeviceId == pendant.DeviceId)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFreshInstall_HasGVillagesDevices_TheirYear_AndTheAlertsTheSilverTeamAnswered(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var pendants = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/devices?type=SosPendant&q=GC-P-&pageSize=1"));
        Assert.True(pendants.GetProperty("total").GetInt32() >= 50, "a pendant for every elder living alone or 80+");
        var doors = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/devices?type=DoorSensor&q=GC-D-&pageSize=1"));
        Assert.InRange(doors.GetProperty("total").GetInt32(), 1, pendants.GetProperty("total").GetInt32());
        var first = pendants.GetProperty("items")[0].GetProperty("id").GetGuid();
        var year = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/devices/{first}/days?days=366"));
        Assert.InRange(year.GetArrayLength(), 360, 366);
        Assert.All(year.EnumerateArray().Skip(1), d => Assert.InRange(d.GetProperty("heartbeats").GetInt32(), 60, 288));
        await HttpAssert.ProblemAsync(await village.GetAsync($"/api/v1/alerts/devices/{first}/days?days=0"), 400);

        var closed = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts?status=Resolved&pageSize=100"));
        var demo = closed.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("resolutionNote").GetString()!.Contains('老', StringComparison.Ordinal)).ToList();
        Assert.True(demo.Count >= 40);
        Assert.Contains(demo, a => a.GetProperty("kind").GetString() == "NoActivity");
        Assert.Contains(demo, a => a.GetProperty("outcome").GetString() == "FalseAlarm");
        Assert.All(demo, a => Assert.Equal("Volunteer", a.GetProperty("ladder")[0].GetProperty("kind").GetString()));
        var stats = (await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/board"))).GetProperty("stats");
        Assert.True(stats.GetProperty("medianSeconds").GetDouble() is > 20 and < 300);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnsignedStaleForeignOrRetired_EventsAreRefused_AndNothingIsStored(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var pendant = await RegisterAsync(provider, new { type = "SosPendant", serial = Serial("P"), model = "YT-SOS2", elderId = await ElderAsync(provider) });
        using var device = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        string Press() => Event("sos-" + Guid.NewGuid().ToString("N"), "Sos", now);

        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Press(), signature: new string('0', 64)), 401);
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Press(), skew: TimeSpan.FromMinutes(-6)), 401);
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Press(), skew: TimeSpan.FromMinutes(6)), 401);
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant with { KeyId = "dk_unknown" }, Press()), 401);
        await HttpAssert.ProblemAsync(await device.PostAsync("/api/v1/alerts/events", new StringContent(Press(), Encoding.UTF8, "application/json")), 401);
        var malformed = await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, "{\"eventId\":"), 400);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("body", out _));
        var cannot = await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Event("smoke-1", "Smoke", now)), 400);
        Assert.Contains("烟", cannot.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Event("x-1", "Earthquake", now)), 400);
        var badId = await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Event("has space", "Sos", now)), 400);
        Assert.True(badId.GetProperty("errors").TryGetProperty("eventId", out _), "a bad event id is blamed on eventId");
        var late = await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Event("late-1", "Sos", now.AddHours(1))), 400);
        Assert.True(late.GetProperty("errors").TryGetProperty("time", out _), "a future time is blamed on time");
        var tooMany = "{\"events\":[" + string.Join(",", Enumerable.Range(0, 501).Select(i => Event("b-" + i, "Heartbeat", now))) + "]}";
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, tooMany), 400);
        var huge = "{\"events\":[" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => Event("h-" + i, "Heartbeat", now))) + "]}";
        Assert.True(huge.Length > 10_000_000);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(app, device, pendant, huge)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<DeviceEvent>().CountAsync(e => e.DeviceId == pendant.DeviceId)));

        // A rotated key: the old one stops at once, the new one works; a retired device is refused.
        var rotated = await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/rotate-key", null));
        var fresh = pendant with { KeyId = rotated.GetProperty("keyId").GetString()!, Secret = rotated.GetProperty("secret").GetString()! };
        await HttpAssert.ProblemAsync(await SendAsync(app, device, pendant, Press()), 401);
        await HttpAssert.JsonAsync(await SendAsync(app, device, fresh, Press()));
        await HttpAssert.JsonAsync(await provider.PostAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/retire", null));
        await HttpAssert.ProblemAsync(await SendAsync(app, device, fresh, Press()), 403);
        await HttpAssert.ProblemAsync(await provider.PostAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/rotate-key", null), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AGateway_SignsForItsOwnDevices_Only(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var gateway = await RegisterAsync(village, new { type = "Gateway", serial = Serial("G"), model = "HUB-1", villageCode = ResidentsApiTests.GVillage });
        var smoke = await RegisterAsync(village, new { type = "SmokeDetector", serial = Serial("S"), model = "SD-9", villageCode = ResidentsApiTests.GVillage, gatewayId = gateway.DeviceId });
        var stranger = await RegisterAsync(village, new { type = "SmokeDetector", serial = Serial("S"), model = "SD-9", villageCode = ResidentsApiTests.GVillage });
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        var body = $$"""{"events":[{{Event("s-1", "Smoke", now, smoke.Serial)}},{{Event("s-2", "Smoke", now, stranger.Serial)}},{{Event("hb", "Heartbeat", now)}}]}""";
        var results = (await HttpAssert.JsonAsync(await SendAsync(app, client, gateway, body))).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "refused", "accepted"], results.Select(r => r.GetProperty("status").GetString()));
        var alertId = results[0].GetProperty("alertId").GetGuid();
        Assert.Equal(smoke.DeviceId, await app.WithDbAsync(d => d.Set<Alert>().Where(a => a.Id == alertId).Select(a => a.DeviceId).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EightyDevices_RegisteredInOneBatch_AndHeardForTheFirstTimeAtOnce_AreEachCheckedAgainstTheirOwnKey(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var gateway = await RegisterAsync(village, new { type = "Gateway", serial = Serial("G"), model = "HUB-1", villageCode = ResidentsApiTests.GVillage });
        var serials = Enumerable.Range(0, 80).Select(_ => Serial("W")).ToList();

        // All or none: one device the batch cannot register, and none of the eighty is.
        var oneBad = serials.Select((s, i) => (object)new { type = "SmartWatch", serial = i == 7 ? "has space" : s, model = "W-2", villageCode = ResidentsApiTests.GVillage });
        var problem = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/alerts/devices/batch", new { devices = oneBad }), 400);
        Assert.Contains("devices[7].serial", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Device>().CountAsync(x => serials.Contains(x.Serial))));

        var good = serials.Select((s, i) => (object)new { type = "SmartWatch", serial = s, model = "W-2", villageCode = ResidentsApiTests.GVillage, gatewayId = i % 4 == 0 ? gateway.DeviceId : (Guid?)null });
        var created = (await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/alerts/devices/batch", new { devices = good }))).EnumerateArray()
            .Select(c => new Credential(c.GetProperty("device").GetProperty("id").GetGuid(), c.GetProperty("device").GetProperty("serial").GetString()!,
                c.GetProperty("keyId").GetString()!, c.GetProperty("secret").GetString()!)).ToList();
        Assert.Equal(serials, created.Select(c => c.Serial));
        Assert.Equal(80, created.Select(c => c.KeyId).Distinct().Count());

        // As after a restart: every key is met for the first time at the same moment (they are read from the database in groups).
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        var own = created.Select((c, i) => SendAsync(app, client, c, Event("hb-" + i, "Heartbeat", now, payload: "{\"battery\":" + (20 + i) + "}"))).ToList();
        var attached = created.Where((_, i) => i % 4 == 0).ToList();
        var viaGateway = SendAsync(app, client, gateway, "{\"events\":[" + string.Join(",", attached.Select((c, i) => Event("gw-" + i, "Heartbeat", now, c.Serial))) + "]}");
        var neighboursKey = SendAsync(app, client, created[1] with { Secret = created[2].Secret }, Event("x-1", "Heartbeat", now));
        var nobodysKey = SendAsync(app, client, created[3] with { KeyId = "k" + Guid.NewGuid().ToString("N") }, Event("x-2", "Heartbeat", now));
        await Task.WhenAll([.. own, viaGateway, neighboursKey, nobodysKey]);

        foreach (var answer in own)
        {
            Assert.Equal("accepted", (await HttpAssert.JsonAsync(await answer)).GetProperty("results")[0].GetProperty("status").GetString());
        }

        Assert.All((await HttpAssert.JsonAsync(await viaGateway)).GetProperty("results").EnumerateArray(), r => Assert.Equal("accepted", r.GetProperty("status").GetString()));
        Assert.Equal(20, (await HttpAssert.JsonAsync(await viaGateway)).GetProperty("results").GetArrayLength());
        await HttpAssert.ProblemAsync(await neighboursKey, 401);
        await HttpAssert.ProblemAsync(await nobodysKey, 401);

        // Each device is heard, with its own battery.
        var ids = created.Select(c => c.DeviceId).ToList();
        await Eventually.UntilAsync(() => app.WithDbAsync(d => d.Set<Device>().CountAsync(x => ids.Contains(x.Id) && x.LastHeartbeatAt != null)), heard => heard == 80);
        var batteries = await app.WithDbAsync(d => d.Set<Device>().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.BatteryPercent));
        Assert.All(created.Select((c, i) => (c, i)), p => Assert.Equal(20 + p.i, batteries[p.c.DeviceId]));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADevice_IsInstalledAtAnAddress_KeptEncrypted_ShownMasked_MovedAndFoundByItsResponder(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        const string Hall = "广西柳州市三江侗族自治县林溪镇G村村委会二楼活动室";
        var detector = await RegisterAsync(village, new
        {
            type = "SmokeDetector",
            serial = Serial("S"),
            model = "JTY-GD",
            villageCode = ResidentsApiTests.GVillage,
            address = "  " + Hall + " ",
            latitude = 25.801,
            longitude = 109.602
        });

        // Encrypted at rest, masked in the list and the export: only the region part shows.
        var stored = await app.WithDbAsync(d => d.Set<Device>().AsNoTracking().SingleAsync(x => x.Id == detector.DeviceId));
        Assert.DoesNotContain("村委会", stored.AddressCipher!, StringComparison.Ordinal);
        var listed = (await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/devices?q=" + detector.Serial))).GetProperty("items")[0];
        Assert.Equal(Hall[..10] + "****", listed.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("elderName").ValueKind);
        var csv = await village.GetStringAsync($"/api/v1/exports/alerts/devices?format=csv&q={detector.Serial}");
        Assert.Contains(Hall[..10] + "****", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("活动室", csv, StringComparison.Ordinal);

        // Too long an address, a half point: refused by field, nothing changed.
        var tooLong = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync("/api/v1/alerts/devices",
            new { type = "SmokeDetector", serial = Serial("S"), model = "M", villageCode = ResidentsApiTests.GVillage, address = new string('村', 201) }), 400);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("address", out _));
        var half = await HttpAssert.ProblemAsync(await village.PutAsJsonAsync($"/api/v1/alerts/devices/{detector.DeviceId}/installation",
            new { villageCode = ResidentsApiTests.GVillage, address = "别处", latitude = 25.8 }), 400);
        Assert.True(half.GetProperty("errors").TryGetProperty("latitude", out _));
        Assert.Equal(stored.AddressCipher, (await app.WithDbAsync(d => d.Set<Device>().AsNoTracking().SingleAsync(x => x.Id == detector.DeviceId))).AddressCipher);

        // A pendant given to an elder without a point takes the point of the elder's home, and the list names the elder masked.
        var elder = await app.WithDbAsync(d => d.Set<CoCare.Residents.Domain.Elder>().AsNoTracking()
            .Where(e => e.VillageCode == ResidentsApiTests.GVillage && e.IsActive && e.Latitude != null).OrderBy(e => e.Id).FirstAsync()); // a demo elder whose home is on the map
        var elderId = elder.Id;
        var pendant = await RegisterAsync(village, new { type = "SosPendant", serial = Serial("P"), model = "YT-SOS2", elderId });
        var shown = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/devices/{pendant.DeviceId}"));
        Assert.Equal((elder.Latitude, elder.Longitude), (shown.GetProperty("latitude").GetDouble(), shown.GetProperty("longitude").GetDouble()));
        Assert.Equal(CoCare.Kernel.Masking.Name(elder.Name), shown.GetProperty("elderName").GetString());

        // Whoever moves it reads the address in full, and that read is logged; a volunteer may not.
        var installation = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/devices/{detector.DeviceId}/installation"));
        Assert.Equal(Hall, installation.GetProperty("address").GetString());
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.GetAsync($"/api/v1/alerts/devices/{detector.DeviceId}/installation"), 403);

        // Moved from the elder's home to the village clinic: no elder any more, the new address masked.
        const string Clinic = "广西柳州市三江侗族自治县林溪镇G村卫生室";
        var moved = await HttpAssert.JsonAsync(await village.PutAsJsonAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/installation",
            new { villageCode = ResidentsApiTests.GVillage, address = Clinic, latitude = 25.802, longitude = 109.603 }));
        Assert.Equal((JsonValueKind.Null, Clinic[..10] + "****", 25.802), (moved.GetProperty("elderId").ValueKind, moved.GetProperty("address").GetString(), moved.GetProperty("latitude").GetDouble()));
        using var tcity = await app.ClientAsync("tcity");
        await HttpAssert.ProblemAsync(await tcity.GetAsync($"/api/v1/alerts/devices/{pendant.DeviceId}"), 404);
        await HttpAssert.ProblemAsync(await tcity.PutAsJsonAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/installation", new { villageCode = ResidentsApiTests.GVillage }), 403);

        // The detector smells smoke: whoever the alert reached first reads the address in full, and the read is logged.
        using var device = app.CreateClient();
        var smoke = await HttpAssert.JsonAsync(await SendAsync(app, device, detector, Event("smoke-" + Guid.NewGuid().ToString("N"), "Smoke", app.Clock.GetUtcNow())));
        var alertId = smoke.GetProperty("results")[0].GetProperty("alertId").GetGuid();
        var alert = await Eventually.UntilAsync(async () => await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/{alertId}")),
            a => a.GetProperty("status").GetString() == "Notified");
        var first = alert.GetProperty("ladder")[0];
        var responderName = first.GetProperty("kind").GetString() switch { "Volunteer" => "volunteer", "VillageDuty" => "village", _ => "provider" };
        using var responder = await app.ClientAsync(responderName);
        var scene = await HttpAssert.JsonAsync(await responder.GetAsync($"/api/v1/alerts/{alertId}/scene"));
        Assert.Equal((Hall, "SmokeDetector", 25.801), (scene.GetProperty("address").GetString(), scene.GetProperty("deviceType").GetString(), scene.GetProperty("latitude").GetDouble()));
        await HttpAssert.ProblemAsync(await tcity.GetAsync($"/api/v1/alerts/{alertId}/scene"), 404);
        using var auditor = await app.ClientAsync("auditor");
        var reads = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/audit?entityType=Device&entityKey={detector.DeviceId}&action=Read&pageSize=10"));
        Assert.Contains(reads.GetProperty("items").EnumerateArray(), r => r.GetProperty("userName").GetString() == "village"); // the installation read
        Assert.Contains(reads.GetProperty("items").EnumerateArray(), r => r.GetProperty("userName").GetString() == responderName); // the responder's

        // Retired, it stays where it was.
        await HttpAssert.JsonAsync(await village.PostAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/retire", null));
        await HttpAssert.ProblemAsync(await village.PutAsJsonAsync($"/api/v1/alerts/devices/{pendant.DeviceId}/installation", new { elderId }), 409);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADeviceOnAGateway_StaysInTheGatewaysVillage_AndAGatewayInUseCannotMove(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var town = ResidentsApiTests.GVillage[..10];
        var taken = await app.WithDbAsync(d => d.Set<CoCare.Directory.Domain.Region>().Where(r => r.Code.StartsWith(town)).Select(r => r.Code).ToListAsync());
        var neighbour = Enumerable.Range(10, 90).Select(n => town + n).First(c => !taken.Contains(c)); // a village no demo or earlier test made
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code = neighbour, name = "邻村" + neighbour[^2..], kind = "Rural" }), 201);

        var gateway = await RegisterAsync(admin, new { type = "Gateway", serial = Serial("G"), model = "HUB-1", villageCode = ResidentsApiTests.GVillage, address = "G村老年活动中心" });
        var door = await RegisterAsync(admin, new { type = "DoorSensor", serial = Serial("D"), model = "MC-1", villageCode = ResidentsApiTests.GVillage, gatewayId = gateway.DeviceId, address = "G村3组12号" });

        // The door sensor reports through the gateway: it may move within the village, not to the next one.
        var away = await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/alerts/devices/{door.DeviceId}/installation",
            new { villageCode = neighbour, address = "邻村1组1号" }), 400);
        Assert.True(away.GetProperty("errors").TryGetProperty("villageCode", out _), away.ToString());
        Assert.Contains("网关", away.GetProperty("errors").GetProperty("villageCode")[0].GetString(), StringComparison.Ordinal);
        var within = await HttpAssert.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/alerts/devices/{door.DeviceId}/installation",
            new { villageCode = ResidentsApiTests.GVillage, address = "G村3组14号" }));
        Assert.Equal(ResidentsApiTests.GVillage, within.GetProperty("villageCode").GetString());

        // The gateway cannot leave while a device in use reports through it; once that device is retired, it can.
        var inUse = await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/alerts/devices/{gateway.DeviceId}/installation",
            new { villageCode = neighbour, address = "邻村村委" }), 409);
        Assert.Contains("网关", inUse.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ResidentsApiTests.GVillage, await app.WithDbAsync(d => d.Set<Device>().Where(x => x.Id == gateway.DeviceId).Select(x => x.VillageCode).SingleAsync()));
        await HttpAssert.JsonAsync(await admin.PostAsync($"/api/v1/alerts/devices/{door.DeviceId}/retire", null));
        var moved = await HttpAssert.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/alerts/devices/{gateway.DeviceId}/installation",
            new { villageCode = neighbour, address = "邻村村委" }));
        Assert.Equal(neighbour, moved.GetProperty("villageCode").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadRegistrations_AreRefused_AndTheRegistryIsScoped(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var elder = await ElderAsync(provider);
        var serial = Serial("P");
        await RegisterAsync(provider, new { type = "SosPendant", serial, model = "M", elderId = elder });
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/alerts/devices", new { type = "SosPendant", serial, model = "M", elderId = elder }), 409);
        foreach (var bad in new object[]
                 {
                     new { serial = Serial("P"), model = "M", elderId = elder },
                     new { type = "SosPendant", serial = "has space", model = "M", elderId = elder },
                     new { type = "SosPendant", serial = Serial("P"), model = "", elderId = elder },
                     new { type = "SosPendant", serial = Serial("P"), model = "M", villageCode = "4502261042" },
                     new { type = "SosPendant", serial = Serial("P"), model = "M", elderId = elder, latitude = 95.0, longitude = 10.0 },
                     new { type = "SmokeDetector", serial = Serial("S"), model = "M", elderId = elder, gatewayId = Guid.NewGuid() },
                 })
        {
            await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/alerts/devices", bad), 400);
        }

        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/alerts/devices", new { type = "SmokeDetector", serial = Serial("S"), model = "M", villageCode = "459021101201" }), 404);
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/alerts/devices", new { type = "SmokeDetector", serial = Serial("S"), model = "M", villageCode = ResidentsApiTests.GVillage }), 403);
        using var tcity = await app.ClientAsync("tcity");
        var theirs = await HttpAssert.JsonAsync(await tcity.GetAsync("/api/v1/alerts/devices?pageSize=100"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), d => d.GetProperty("villageCode").GetString() == ResidentsApiTests.GVillage);
        var ours = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/alerts/devices?q=" + serial));
        Assert.Equal(serial, ours.GetProperty("items")[0].GetProperty("serial").GetString());
    }
}

/// <summary>An alert reaches the volunteer on shift first, climbs the ladder when ignored, and is taken, attended and resolved by one responder.</summary>
[Collection(ApiTests.Name)]
public class AlertRoutingTests(SharedApps apps)
{
    private static async Task<HttpResponseMessage> PressAsync(CoCareApp app, HttpClient provider)
    {
        var elder = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders?village={ResidentsApiTests.GVillage}&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var created = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/alerts/devices",
            new { type = "SosPendant", serial = "P-" + Guid.NewGuid().ToString("N")[..10], model = "YT-SOS2", elderId = elder, latitude = 25.79, longitude = 109.6 }), 201);
        var (keyId, secret) = (created.GetProperty("keyId").GetString()!, created.GetProperty("secret").GetString()!);
        var stamp = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes($$"""{"eventId":"sos-{{Guid.NewGuid():N}}","type":"Sos","time":"{{app.Clock.GetUtcNow().UtcDateTime:O}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-CoCare-Key", keyId);
        request.Headers.Add("X-CoCare-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CoCare-Signature", EventSignature.Sign(Convert.FromBase64String(secret), keyId, stamp, body));
        using var device = app.CreateClient();
        return await device.SendAsync(request);
    }

    private static async Task<Guid> AlertIdAsync(HttpResponseMessage response) =>
        (await HttpAssert.JsonAsync(response)).GetProperty("results")[0].GetProperty("alertId").GetGuid();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheVolunteerOnShift_IsCalledFirst_TakesIt_AndResolvesItWithANote(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        using var village = await app.ClientAsync("village");
        var me = await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/volunteers/me"));
        var shift = await VolunteerShiftTests.ShiftAsync(app, provider, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), capacity: 5, hours: 3);
        await HttpAssert.JsonAsync(await VolunteerShiftTests.SignUpAsync(provider, shift, me.GetProperty("id").GetGuid()), 201);
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // the shift has begun

        // The volunteer's phone shares where it is (a kilometre and a bit north of the pendant), stored encrypted; nonsense is refused.
        var bad = await HttpAssert.ProblemAsync(await volunteer.PutAsJsonAsync("/api/v1/alerts/responders/me/position", new { latitude = 95.0, longitude = 109.6 }), 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("latitude", out _));
        await HttpAssert.ProblemAsync(await volunteer.PutAsJsonAsync("/api/v1/alerts/responders/me/position", new { latitude = 25.8 }), 400);
        using (var bystander = await app.ClientAsync("auditor"))
        {
            await HttpAssert.ProblemAsync(await bystander.PutAsJsonAsync("/api/v1/alerts/responders/me/position", new { latitude = 25.8, longitude = 109.6 }), 403); // no alert calls an auditor
            Assert.False((await HttpAssert.JsonAsync(await bystander.GetAsync("/api/v1/alerts/responders/me/position"))).GetProperty("canShare").GetBoolean());
        }

        Assert.True((await HttpAssert.JsonAsync(await volunteer.GetAsync("/api/v1/alerts/responders/me/position"))).GetProperty("canShare").GetBoolean());

        var shared = await HttpAssert.JsonAsync(await volunteer.PutAsJsonAsync("/api/v1/alerts/responders/me/position", new { latitude = 25.8, longitude = 109.6 }));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(1), shared.GetProperty("freshUntil").GetDateTime(), TimeSpan.FromSeconds(1));

        var alertId = await AlertIdAsync(await PressAsync(app, provider));
        var alert = await Eventually.UntilAsync(async () => await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/{alertId}")),
            a => a.GetProperty("status").GetString() == "Notified"); // routed just after it was stored
        Assert.Equal("Notified", alert.GetProperty("status").GetString());
        var ladder = alert.GetProperty("ladder").EnumerateArray().ToList();
        Assert.Equal("Volunteer", ladder[0].GetProperty("kind").GetString());
        Assert.InRange(ladder[0].GetProperty("distanceMeters").GetDouble(), 1_100, 1_125); // 0.01° of latitude
        var myId = ladder[0].GetProperty("accountId").GetString();
        var stored = await app.WithDbAsync(d => d.Set<ResponderPosition>().AsNoTracking().SingleAsync(p => p.AccountId == myId));
        Assert.DoesNotContain("25.8", stored.PointCipher, StringComparison.Ordinal);
        Assert.Equal(ladder[0].GetProperty("accountId").GetString(), (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/alerts/mine"))
            .EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == alertId).GetProperty("ladder")[0].GetProperty("accountId").GetString());
        Assert.Contains(ladder, r => r.GetProperty("kind").GetString() == "VillageDuty");
        Assert.Contains(ladder, r => r.GetProperty("kind").GetString() == "ProviderManager");
        Assert.Equal(1, ladder.Count(r => r.GetProperty("notifiedAt").ValueKind != JsonValueKind.Null));

        // The village committee has not been called yet; nobody resolves before acknowledging.
        await HttpAssert.ProblemAsync(await village.PostAsync($"/api/v1/alerts/{alertId}/acknowledge", null), 403);
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { outcome = "Handled", note = "ok" }), 409);
        await HttpAssert.ProblemAsync(await volunteer.PostAsync($"/api/v1/alerts/{alertId}/family-informed", null), 409);

        // The elder's address and notes are for the responder it reached, and each read is logged; the board sees masked lists only.
        var brief = await HttpAssert.JsonAsync(await volunteer.GetAsync($"/api/v1/alerts/{alertId}/elder"));
        Assert.False(string.IsNullOrEmpty(brief.GetProperty("name").GetString()));
        await HttpAssert.ProblemAsync(await village.GetAsync($"/api/v1/alerts/{alertId}/elder"), 403);
        var elderKey = alert.GetProperty("elderId").GetString();
        using var auditor = await app.ClientAsync("auditor");
        var reads = await HttpAssert.JsonAsync(await auditor.GetAsync($"/api/v1/audit?entityType=Elder&entityKey={elderKey}&action=Read&userName=volunteer&pageSize=5"));
        Assert.True(reads.GetProperty("total").GetInt32() >= 1);
        var board = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/board"));
        var row = board.GetProperty("open").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == alertId);
        Assert.EndsWith("*", row.GetProperty("elder").GetString()![..2], StringComparison.Ordinal);
        Assert.Equal(brief.GetProperty("name").GetString()![..1], row.GetProperty("elder").GetString()![..1]);

        app.Clock.Advance(TimeSpan.FromSeconds(40));
        await HttpAssert.JsonAsync(await volunteer.PostAsync($"/api/v1/alerts/{alertId}/acknowledge", null));
        await HttpAssert.JsonAsync(await volunteer.PostAsync($"/api/v1/alerts/{alertId}/arrive", null));

        // The family is told by the one who took it, once; the time is kept.
        await HttpAssert.ProblemAsync(await village.PostAsync($"/api/v1/alerts/{alertId}/family-informed", null), 403);
        var told = await HttpAssert.JsonAsync(await volunteer.PostAsync($"/api/v1/alerts/{alertId}/family-informed", null));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, told.GetProperty("familyInformedAt").GetDateTime(), TimeSpan.FromSeconds(1));
        await HttpAssert.ProblemAsync(await volunteer.PostAsync($"/api/v1/alerts/{alertId}/family-informed", null), 409);
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { outcome = "Handled", note = "" }), 400);
        var resolved = await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { outcome = "FalseAlarm", note = "老人误按，已确认安好" }));
        Assert.Equal(("Resolved", "FalseAlarm", "老人误按，已确认安好"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("outcome").GetString(), resolved.GetProperty("resolutionNote").GetString()));
        var list = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/alerts?status=Resolved&pageSize=100"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == alertId);
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.GetAsync($"/api/v1/alerts/{alertId}/elder")).StatusCode); // resolved: no longer shown

        // Stopping deletes the position: the next alert does not know how far the volunteer is.
        Assert.Equal(JsonValueKind.Null, (await HttpAssert.JsonAsync(await volunteer.DeleteAsync("/api/v1/alerts/responders/me/position"))).GetProperty("sharedAt").ValueKind);
        Assert.False(await app.WithDbAsync(d => d.Set<ResponderPosition>().AnyAsync(p => p.AccountId == myId)));
        var next = await AlertIdAsync(await PressAsync(app, provider));
        var nextLadder = (await Eventually.UntilAsync(async () => await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/{next}")),
            a => a.GetProperty("status").GetString() == "Notified")).GetProperty("ladder");
        Assert.Equal(JsonValueKind.Null, nextLadder[0].GetProperty("distanceMeters").ValueKind);

        var stats = (await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/board"))).GetProperty("stats");
        Assert.True(stats.GetProperty("responded").GetInt32() >= 1 && stats.GetProperty("medianSeconds").GetDouble() > 0);
        Assert.True(stats.GetProperty("falseAlarms").GetInt32() >= 1 && stats.GetProperty("falseAlarmRate").GetDouble() > 0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDutyRoster_DecidesWhoIsCalled_EachOrganizationRostersItsOwn_AndBadEntriesChangeNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        using var village = await app.ClientAsync("village");
        using var provider = await app.ClientAsync("provider");
        var g = ResidentsApiTests.GVillage;

        // A second member of the village committee, so the roster has someone to choose.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cadre = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName = "duty" + suffix, displayName = "值班" + suffix, password = "Village#2026x" }), 201);
        var cadreId = cadre.GetProperty("id").GetString()!;
        var committee = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/organizations?q=" + Uri.EscapeDataString("村民委员会")))).GetProperty("items")[0].GetProperty("id").GetString();
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{cadreId}/memberships", new { organizationId = committee, role = "VillageCommittee", scopeRegionCode = g }), 201);
        var candidates = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/duty/candidates?village={g}&kind=VillageDuty"));
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("accountId").GetString() == cadreId);
        var providerId = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/duty/candidates?village={g}&kind=Worker")))[0].GetProperty("accountId").GetString()!;

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var before = (await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/duty?village={g}&pageSize=100"))).GetProperty("total").GetInt32();
        foreach (var (who, body, status, field) in new (HttpClient, object, int, string?)[]
                 {
                     (village, new { villageCode = g, kind = "Volunteer", accountId = cadreId, startsAt = now, endsAt = now.AddHours(8) }, 400, "kind"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = providerId, startsAt = now, endsAt = now.AddHours(8) }, 400, "accountId"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddHours(-1) }, 400, "endsAt"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddDays(40) }, 400, "endsAt"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now.AddDays(-3), endsAt = now.AddDays(-2) }, 400, "endsAt"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, endsAt = now.AddHours(8) }, 400, "startsAt"),
                     (village, new { villageCode = "4502261042", kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddHours(8) }, 400, "villageCode"),
                     (village, new { villageCode = g, kind = "Worker", accountId = providerId, startsAt = now, endsAt = now.AddHours(8) }, 403, null),
                     (provider, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddHours(8) }, 403, null),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddHours(8), weeks = 0 }, 400, "weeks"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddHours(8), weeks = 14 }, 400, "weeks"),
                     (village, new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now, endsAt = now.AddDays(8), weeks = 2 }, 400, "weeks"), // would overlap
                 })
        {
            var problem = await HttpAssert.ProblemAsync(await who.PostAsJsonAsync("/api/v1/alerts/duty", body), status);
            if (field is not null)
            {
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var said), $"{field} named in {problem}");
                Assert.DoesNotContain("安装", said[0].GetString(), StringComparison.Ordinal); // the roster's words, not the device form's
            }
        }

        Assert.Equal(before, (await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/duty?village={g}&pageSize=100"))).GetProperty("total").GetInt32());

        // A month from now, the same Monday-evening duty three weeks running: three entries a week apart, each removable.
        var monthAhead = now.AddDays(30);
        var weekly = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/alerts/duty",
            new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = monthAhead, endsAt = monthAhead.AddHours(4), weeks = 3 }), 201);
        Assert.Equal(monthAhead, weekly.GetProperty("startsAt").GetDateTime(), TimeSpan.FromSeconds(1));
        var repeated = (await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/duty?village={g}&pageSize=100"))).GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("accountId").GetString() == cadreId && d.GetProperty("startsAt").GetDateTime() >= monthAhead.AddMinutes(-1)).ToList();
        Assert.Equal([monthAhead, monthAhead.AddDays(7), monthAhead.AddDays(14)], repeated.Select(d => d.GetProperty("startsAt").GetDateTime()), new WithinSecond());
        foreach (var d in repeated)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await village.DeleteAsync($"/api/v1/alerts/duty/{d.GetProperty("id").GetGuid()}")).StatusCode);
        }

        // Rostered: the new cadre is the village's duty person tonight, and the provider's manager is also a care worker on duty.
        var cadreShift = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/alerts/duty",
            new { villageCode = g, kind = "VillageDuty", accountId = cadreId, startsAt = now.AddMinutes(-1), endsAt = now.AddHours(12) }), 201);
        var workerShift = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/alerts/duty",
            new { villageCode = g, kind = "Worker", accountId = providerId, startsAt = now.AddMinutes(-1), endsAt = now.AddHours(12) }), 201);
        Assert.StartsWith("值班" + suffix, cadreShift.GetProperty("accountName").GetString(), StringComparison.Ordinal);

        var alertId = await AlertIdAsync(await PressAsync(app, provider));
        var ladder = (await Eventually.UntilAsync(async () => await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/{alertId}")),
            a => a.GetProperty("status").GetString() == "Notified")).GetProperty("ladder").EnumerateArray().ToList();
        async Task<List<string>> RosteredNowAsync()
        {
            var at = app.Clock.GetUtcNow().UtcDateTime;
            var list = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/duty?village={g}&kind=VillageDuty&pageSize=100"));
            return [.. list.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("startsAt").GetDateTime() <= at).Select(d => d.GetProperty("accountId").GetString()!).Order()];
        }

        static List<string> Rung(List<JsonElement> ladder, string kind) =>
            [.. ladder.Where(r => r.GetProperty("kind").GetString() == kind).Select(r => r.GetProperty("accountId").GetString()!).Order()];

        var rostered = await RosteredNowAsync();
        Assert.Contains(cadreId, rostered);
        Assert.Equal(rostered, Rung(ladder, "VillageDuty")); // only those rostered, not every committee account
        var worker = ladder.FindIndex(r => r.GetProperty("kind").GetString() == "Worker");
        Assert.True(worker >= 0 && worker < ladder.FindIndex(r => r.GetProperty("kind").GetString() == "VillageDuty"), "the care worker is called before the village");
        Assert.Single(ladder, r => r.GetProperty("accountId").GetString() == providerId); // called once, as the worker on duty
        var board = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/board"));
        Assert.Contains(board.GetProperty("rostered").EnumerateArray(), d => d.GetProperty("accountId").GetString() == cadreId);

        // Each organization takes its own people off; the next alert no longer calls the cadre.
        await HttpAssert.ProblemAsync(await village.DeleteAsync($"/api/v1/alerts/duty/{workerShift.GetProperty("id").GetGuid()}"), 403);
        Assert.Equal(HttpStatusCode.NoContent, (await provider.DeleteAsync($"/api/v1/alerts/duty/{workerShift.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await village.DeleteAsync($"/api/v1/alerts/duty/{cadreShift.GetProperty("id").GetGuid()}")).StatusCode);
        await HttpAssert.ProblemAsync(await village.DeleteAsync($"/api/v1/alerts/duty/{cadreShift.GetProperty("id").GetGuid()}"), 404);
        var next = await AlertIdAsync(await PressAsync(app, provider));
        var after = (await Eventually.UntilAsync(async () => await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/{next}")),
            a => a.GetProperty("status").GetString() == "Notified")).GetProperty("ladder").EnumerateArray().ToList();
        var left = await RosteredNowAsync();
        Assert.DoesNotContain(cadreId, left);
        var villageDuty = Rung(after, "VillageDuty");
        if (left.Count > 0)
        {
            Assert.Equal(left, villageDuty); // the demo's duty person is still rostered this week
        }
        else
        {
            Assert.Contains(cadreId, villageDuty); // nobody rostered: every committee account of the village
            Assert.True(villageDuty.Count >= 2);
        }

        Assert.DoesNotContain(after, r => r.GetProperty("kind").GetString() == "Worker");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnIgnoredAlert_ClimbsTheLadder_UntilSomeoneTakesIt(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var village = await app.ClientAsync("village");
        var alertId = await AlertIdAsync(await PressAsync(app, provider));
        async Task<List<JsonElement>> Reached() => (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/alerts/{alertId}"))).GetProperty("ladder").EnumerateArray()
            .Where(r => r.GetProperty("notifiedAt").ValueKind != JsonValueKind.Null).ToList();
        async Task<int> EscalateAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CoCare.Alerts.Features.Alerts.AlertHandlers>().EscalateDueAsync(default);
        }

        var first = await Eventually.UntilAsync(Reached, r => r.Count > 0);
        Assert.Single(first);
        await EscalateAsync();
        Assert.Single(await Reached()); // the two minutes are not over
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await EscalateAsync();
        var second = await Reached();
        Assert.Equal(2, second.Count);

        // Climb until the village committee's duty account is reached; then it may take the alert.
        using var admin = await app.ClientAsync("admin");
        var villageAccount = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/accounts?q=village&pageSize=100"))).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("userName").GetString() == "village").GetProperty("id").GetString();
        for (var i = 0; i < 20 && !(await Reached()).Any(r => r.GetProperty("accountId").GetString() == villageAccount); i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            await EscalateAsync();
        }

        var taken = await HttpAssert.JsonAsync(await village.PostAsync($"/api/v1/alerts/{alertId}/acknowledge", null));
        Assert.Equal("Acknowledged", taken.GetProperty("status").GetString());
        var reachedThen = (await Reached()).Count;
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await EscalateAsync();
        Assert.Equal(reachedThen, (await Reached()).Count); // taken: nobody else is called
    }
}

/// <summary>Silent devices and low batteries become maintenance tasks, and close by themselves when the device is heard or charged.</summary>
[Collection(ApiTests.Name)]
public class DeviceMaintenanceTests(SharedApps apps)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ASilentDevice_AndALowBattery_BecomeTasks_ThatCloseWhenHeard(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var created = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/alerts/devices",
            new { type = "DoorSensor", serial = "D-" + Guid.NewGuid().ToString("N")[..10], model = "MC-1", villageCode = ResidentsApiTests.GVillage }), 201);
        var deviceId = created.GetProperty("device").GetProperty("id").GetGuid();
        var (keyId, secret) = (created.GetProperty("keyId").GetString()!, created.GetProperty("secret").GetString()!);
        async Task HeartbeatAsync(int battery)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10)); // each heartbeat newer than the last (an older one changes nothing)
            var stamp = app.Clock.GetUtcNow().ToUnixTimeSeconds();
            var body = Encoding.UTF8.GetBytes($$$"""{"eventId":"hb-{{{Guid.NewGuid():N}}}","type":"Heartbeat","time":"{{{app.Clock.GetUtcNow().UtcDateTime:O}}}","payload":{"battery":{{{battery}}}}}""");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(body) };
            request.Headers.Add("X-CoCare-Key", keyId);
            request.Headers.Add("X-CoCare-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-CoCare-Signature", EventSignature.Sign(Convert.FromBase64String(secret), keyId, stamp, body));
            using var device = app.CreateClient();
            await HttpAssert.JsonAsync(await device.SendAsync(request));
        }

        // Runs the watch until it has nothing left to change (each run takes a batch, longest-silent devices first; the shared host holds many devices).
        async Task WatchAsync()
        {
            for (var run = 0; run < 50; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<CoCare.Alerts.Features.Maintenance.MaintenanceHandlers>().WatchAsync(default) == 0)
                {
                    return;
                }
            }

            Assert.Fail("the maintenance watch kept finding work after 50 runs");
        }

        async Task<List<string>> OpenTasksAsync() =>
            [.. (await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/maintenance?open=true&pageSize=100"))).GetProperty("items").EnumerateArray()
                .Where(t => t.GetProperty("deviceId").GetGuid() == deviceId).Select(t => t.GetProperty("kind").GetString()!).Order()];

        await HeartbeatAsync(80);
        await WatchAsync();
        Assert.Empty(await OpenTasksAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(31)); // silent past the threshold
        await WatchAsync();
        await WatchAsync(); // another round opens nothing twice
        Assert.Equal(["Offline"], await OpenTasksAsync());

        await HeartbeatAsync(15); // heard again, but the battery is low
        await WatchAsync();
        Assert.Equal(["LowBattery"], await OpenTasksAsync());
        await HeartbeatAsync(25);
        await WatchAsync();
        Assert.Equal(["LowBattery"], await OpenTasksAsync()); // not charged enough to close
        await HeartbeatAsync(95);
        await WatchAsync();
        Assert.Empty(await OpenTasksAsync());
        var all = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/alerts/maintenance?pageSize=100"));
        Assert.Equal(2, all.GetProperty("items").EnumerateArray().Count(t => t.GetProperty("deviceId").GetGuid() == deviceId && t.GetProperty("closedAt").ValueKind != JsonValueKind.Null));

        // The four heartbeats are counted into the device's days (written every 30 s; here at once), with the lowest battery.
        await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Alerts.Features.Events.HeartbeatBuffer>()
            .FlushAsync(s.GetRequiredService<CoCare.Data.AppDbContext>(), default, days: true));
        var days = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/alerts/devices/{deviceId}/days?days=2"));
        Assert.Equal(4, days.EnumerateArray().Sum(d => d.GetProperty("heartbeats").GetInt32()));
        Assert.Equal(15, days.EnumerateArray().Min(d => d.GetProperty("lowestBattery").GetInt32()));
    }
}

/// <summary>Doors at night and elders not seen moving raise alerts as their village's rules, or their own, say; the rules refuse nonsense.</summary>
[Collection(ApiTests.Name)]
public class AlertRuleApiTests(SharedApps apps)
{
    private const string Rules = "/api/v1/alerts/rules/" + ResidentsApiTests.GVillage;

    /// <summary>The last time it was <paramref name="hour"/> o'clock in Beijing, before the server's now.</summary>
    private static DateTimeOffset LastBeijing(CoCareApp app, int hour)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var at = CoCare.Kernel.ChinaTime.Utc(CoCare.Kernel.ChinaTime.Day(now), new TimeOnly(hour, 0));
        return at <= now ? at : at.AddDays(-1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADoorOpening_RaisesAnAlert_AtNightOnly_AndBadRulesChangeNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village", "en");
        var before = await HttpAssert.JsonAsync(await village.GetAsync(Rules));
        foreach (var (bad, field) in new (object Body, string Field)[]
                 {
                     (new { doorAtNight = true, nightStarts = "25:00", nightEnds = "06:00", inactivityHours = 12, quietStarts = "22:00", quietEnds = "07:00", informFamily = true }, "nightStarts"),
                     (new { doorAtNight = true, nightStarts = "22:00", nightEnds = "22:00", inactivityHours = 12, quietStarts = "22:00", quietEnds = "07:00", informFamily = true }, "nightEnds"),
                     (new { doorAtNight = true, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 99, quietStarts = "22:00", quietEnds = "07:00", informFamily = true }, "inactivityHours"),
                     (new { doorAtNight = true, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 12, quietStarts = "22:00", quietEnds = "", informFamily = true }, "quietEnds"),
                 })
        {
            var problem = await HttpAssert.ProblemAsync(await village.PutAsJsonAsync(Rules, bad), 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var message), field);
            Assert.DoesNotContain("Rule.", message[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before.ToString(), (await HttpAssert.JsonAsync(await village.GetAsync(Rules))).ToString());
        await HttpAssert.ProblemAsync(await village.PutAsJsonAsync("/api/v1/alerts/rules/459021101201",
            new { doorAtNight = true, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 12, informFamily = true }), 404);
        using var volunteer = await app.ClientAsync("volunteer");
        await HttpAssert.ProblemAsync(await volunteer.PutAsJsonAsync(Rules,
            new { doorAtNight = true, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 12, informFamily = true }), 403);

        var set = await HttpAssert.JsonAsync(await village.PutAsJsonAsync(Rules,
            new { doorAtNight = true, nightStarts = "21:30", nightEnds = "05:30", inactivityHours = 12, quietStarts = "22:00", quietEnds = "07:00", informFamily = true }));
        Assert.Equal((false, "21:30"), (set.GetProperty("isDefault").GetBoolean(), set.GetProperty("rule").GetProperty("nightStarts").GetString()));

        var door = await AlertsTests.RegisterAsync(village, new { type = "DoorSensor", serial = AlertsTests.Serial("D"), model = "DS-1", villageCode = ResidentsApiTests.GVillage });
        using var device = app.CreateClient();
        async Task<JsonElement> OpenAsync(DateTimeOffset at) => (await HttpAssert.JsonAsync(await AlertsTests.SendAsync(app, device, door,
            AlertsTests.Event("door-" + Guid.NewGuid().ToString("N")[..8], "DoorOpen", at)))).GetProperty("results")[0];

        var night = await OpenAsync(LastBeijing(app, 23));
        Assert.Equal(JsonValueKind.String, night.GetProperty("alertId").ValueKind);
        var day = await OpenAsync(LastBeijing(app, 14));
        Assert.Equal(("accepted", JsonValueKind.Null), (day.GetProperty("status").GetString(), day.GetProperty("alertId").ValueKind));
        var kinds = await app.WithDbAsync(d => d.Set<Alert>().Where(a => a.DeviceId == door.DeviceId).Select(a => a.Kind).ToListAsync());
        Assert.Equal([EventType.DoorOpen], kinds);
        Assert.Equal(2, await app.WithDbAsync(d => d.Set<DeviceEvent>().CountAsync(e => e.DeviceId == door.DeviceId))); // both stored
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnElderNotSeenMoving_RaisesOneAlert_AfterTheirOwnHours(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        var elders = (await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/residents/elders?village={ResidentsApiTests.GVillage}&pageSize=20&sort=name"))).GetProperty("items");
        var elder = elders[db == Databases.Sqlite ? 11 : 12].GetProperty("id").GetGuid(); // one no other test gives devices
        var own = await HttpAssert.JsonAsync(await village.PutAsJsonAsync($"{Rules}/elders/{elder}",
            new { doorAtNight = false, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 2, quietStarts = (string?)null, quietEnds = (string?)null, informFamily = false }));
        Assert.Contains(own.GetProperty("elders").EnumerateArray(), e => e.GetProperty("elderId").GetGuid() == elder && e.GetProperty("rule").GetProperty("inactivityHours").GetInt32() == 2);
        await HttpAssert.ProblemAsync(await village.PutAsJsonAsync($"{Rules}/elders/{Guid.NewGuid()}",
            new { doorAtNight = false, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 2, informFamily = false }), 404);

        var watch = await AlertsTests.RegisterAsync(village, new { type = "SmartWatch", serial = AlertsTests.Serial("W"), model = "W-2", elderId = elder });
        async Task<int> WatchAsync() => await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Alerts.Features.Rules.RuleHandlers>().WatchInactivityAsync(default));
        Task<int> NoActivityAlerts() => app.WithDbAsync(d => d.Set<Alert>().CountAsync(a => a.ElderId == elder && a.Kind == EventType.NoActivity));

        await WatchAsync();
        Assert.Equal(0, await NoActivityAlerts());
        app.Clock.Advance(TimeSpan.FromHours(1));
        using var device = app.CreateClient();
        var beat = AlertsTests.Event("hb-" + Guid.NewGuid().ToString("N")[..8], "Heartbeat", app.Clock.GetUtcNow(), payload: "{\"activity\":true}");
        await HttpAssert.JsonAsync(await AlertsTests.SendAsync(app, device, watch, beat)); // moving an hour in
        app.Clock.Advance(TimeSpan.FromHours(1.5));
        await WatchAsync();
        Assert.Equal(0, await NoActivityAlerts()); // an hour and a half since the movement

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WatchAsync();
        await WatchAsync();
        Assert.Equal(1, await NoActivityAlerts()); // two and a half hours: one alert, not one per run
        var alert = await app.WithDbAsync(d => d.Set<Alert>().SingleAsync(a => a.ElderId == elder && a.Kind == EventType.NoActivity));
        Assert.Equal((watch.DeviceId, (Guid?)null), (alert.DeviceId, alert.EventId));
        Assert.False(alert.InformFamily); // the elder's own rules say not to ask the responder to call the family


        using var again = await app.ClientAsync("village"); // hours later: a fresh sign-in
        await HttpAssert.JsonAsync(await again.DeleteAsync($"{Rules}/elders/{elder}"));
        Assert.DoesNotContain((await HttpAssert.JsonAsync(await again.GetAsync(Rules))).GetProperty("elders").EnumerateArray(), e => e.GetProperty("elderId").GetGuid() == elder);

        // Pressed with the elder's own rules gone, the village's ask for the family to be told.
        await HttpAssert.JsonAsync(await again.PutAsJsonAsync(Rules,
            new { doorAtNight = true, nightStarts = "22:00", nightEnds = "06:00", inactivityHours = 12, quietStarts = (string?)null, quietEnds = (string?)null, informFamily = true }));
        var pendant = await AlertsTests.RegisterAsync(again, new { type = "SosPendant", serial = AlertsTests.Serial("P"), model = "YT-SOS2", elderId = elder });
        var press = (await HttpAssert.JsonAsync(await AlertsTests.SendAsync(app, device, pendant, AlertsTests.Event("sos-" + Guid.NewGuid().ToString("N")[..8], "Sos", app.Clock.GetUtcNow()))))
            .GetProperty("results")[0].GetProperty("alertId").GetGuid();
        Assert.True((await HttpAssert.JsonAsync(await again.GetAsync($"/api/v1/alerts/{press}"))).GetProperty("informFamily").GetBoolean());
    }
}

/// <summary>Two times equal within a second (the API's times round-trip through JSON).</summary>
internal sealed class WithinSecond : IEqualityComparer<DateTime>
{
    public bool Equals(DateTime x, DateTime y) => (x - y).Duration() < TimeSpan.FromSeconds(1);

    public int GetHashCode(DateTime obj) => 0;
}
