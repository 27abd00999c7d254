using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCare.Alerts.Domain;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Protocol;

namespace CoCare.Bench;

/// <summary>
/// <c>devices --count N --rate R --seconds S</c>: a bounded fleet of simulated devices — half behind gateways that post
/// their heartbeats over HTTP in batches, half publishing one message each over MQTT — sending R heartbeats a second in
/// all, while pendants are pressed (over HTTP and MQTT, <c>--sos-rate</c> a second). Without <c>--url</c> it starts the
/// platform (SQLite, demo data) and a Mosquitto broker of its own, measures a trivial endpoint in the same run as the
/// baseline, and checks the claims: every press raised and its first responder notified within 2 s at the 99th
/// percentile, heartbeats answered as fast at the end as at the start (no backlog), and — with the server killed with
/// SIGKILL during a burst of presses and started again — no press that was acknowledged lost.
/// </summary>
internal static class DevicesBench
{
    private const string Village = "450226104201";
    private const int PerGateway = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int reported;

    private sealed record Key(Guid DeviceId, string Serial, string KeyId, byte[] Secret);

    private sealed record Fleet(List<Key> Gateways, Dictionary<Guid, List<Key>> Attached, List<Key> Mqtt, List<Key> Pendants);

    /// <summary>The demo accounts' password of a platform started as the README says (against <c>--url</c>, unless <c>--password</c> says otherwise).</summary>
    public const string DemoPassword = "CoCare@2026demo";

    public static async Task<int> RunAsync(int count, double rate, double seconds, double sosRate, string? url, string? mqtt, string? password = null)
    {
        count = Math.Clamp(count, 10, 200_000);
        rate = Math.Clamp(rate, 1, 50_000);
        seconds = Math.Clamp(seconds, 5, 3600);
        var folder = url is null ? System.IO.Directory.CreateTempSubdirectory("cocare-devices-") : null;
        Process? server = null;
        Process? broker = null;
        var connection = folder is null ? null : "Data Source=" + Path.Combine(folder.FullName, "cocare.db");
        var port = CanteenBench.FreePort();
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        if (url is null && mqtt is null && File.Exists("/usr/sbin/mosquitto"))
        {
            var mqttPort = CanteenBench.FreePort();
            File.WriteAllText(Path.Combine(folder!.FullName, "mosquitto.conf"),
                $"listener {mqttPort} 127.0.0.1\nuser {Environment.UserName}\nallow_anonymous true\npersistence true\npersistence_location {folder.FullName}/\nmax_queued_messages 1000000\nmax_inflight_messages 1000\nset_tcp_nodelay true\nlog_dest none\n");
            broker = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", Path.Combine(folder.FullName, "mosquitto.conf")]) { RedirectStandardError = true });
            mqtt = "127.0.0.1:" + mqttPort.ToString(CultureInfo.InvariantCulture);
        }

        if (mqtt is not null && url is null)
        {
            environment["Alerts__Mqtt__Host"] = mqtt.Split(':')[0];
            environment["Alerts__Mqtt__Port"] = mqtt.Split(':')[1];
            environment["Alerts__Mqtt__ClientId"] = "cocare-bench";
        }

        try
        {
            if (url is null)
            {
                server = CanteenBench.Serve("Sqlite", connection!, port, folder!.FullName, environment);
            }

            using var http = CanteenBench.Client(port, 512);
            if (url is not null)
            {
                http.BaseAddress = new Uri(url);
            }

            await CanteenBench.WaitUntilUpAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CanteenBench.TokenAsync(http, password ?? (url is null ? BenchHost.Password : DemoPassword)));
            var clock = Stopwatch.StartNew();
            var fleet = await RegisterAsync(http, count, mqtt is not null);
            Console.WriteLine($"devices: {count:N0} devices ({fleet.Gateways.Count} gateways with {fleet.Attached.Values.Sum(a => a.Count):N0} devices over HTTP, " +
                $"{fleet.Mqtt.Count:N0} over MQTT {mqtt ?? "(none)"}, {fleet.Pendants.Count} pendants) registered in {clock.Elapsed.TotalSeconds:F0} s; {rate:N0} heartbeats/s for {seconds:F0} s, " +
                $"{sosRate} presses/s, {Environment.ProcessorCount} cores");

            var publishers = mqtt is null ? [] : await ConnectAsync(mqtt, 4);
            var trivial = url is null ? await TrivialAsync(http, 5) : 0;
            await DriveAsync(http, publishers, fleet, rate, Math.Max(5, count / rate), 0); // warm-up: every device heard once, as on a server that has been running
            var run = await DriveAsync(http, publishers, fleet, rate, seconds, sosRate);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var latencies = await NotifyLatenciesAsync(http, run.Presses);
            var p50 = ResponseStats.Percentile(latencies, 50);
            var p99 = ResponseStats.Percentile(latencies, 99);
            var noBacklog = run.LastThirdP50 <= (run.FirstThirdP50 * 3) + 5;
            Console.WriteLine($"  baseline: trivial JSON endpoint {trivial:N0} req/s");
            Console.WriteLine($"  heartbeats: {run.Sent:N0} sent ({run.Sent / run.Seconds:N0}/s of {rate:N0}/s asked), {run.Errors} errors; answer p50 {run.FirstThirdP50:F1} ms in the first third, " +
                $"{run.LastThirdP50:F1} ms in the last, p99 {run.P99:F1} ms");
            Console.WriteLine($"  presses: {run.Presses.Count} acknowledged, {latencies.Count} raised and notified; press → first responder notified p50 {p50:F0} ms, p99 {p99:F0} ms");

            int? lost = null;
            var acknowledged = 0;
            if (server is not null)
            {
                // A burst of presses over HTTP, the server killed with SIGKILL part-way; then started again on the same database.
                var crashPendants = await BatchAsync(http, Enumerable.Range(0, 5000).Select(i => (object)new { type = "SosPendant", serial = $"K{Guid.NewGuid():N}"[..20], model = "YT-SOS2", villageCode = Village }));
                var killed = server;
                var acked = await BurstAsync(http, crashPendants, TimeSpan.FromSeconds(3), () => killed.Kill(entireProcessTree: true));
                await killed.WaitForExitAsync();
                server = CanteenBench.Serve("Sqlite", connection!, port, folder!.FullName, environment);
                await CanteenBench.WaitUntilUpAsync(http);
                var stored = await StoredEventsAsync(connection!);
                acknowledged = acked.Count;
                lost = acked.Count(a => !stored.Contains(a));
                Console.WriteLine($"  kill -9 during a burst of presses: {acknowledged:N0} acknowledged before the kill, {lost} of them missing after the restart");
            }

            var rateHeld = run.Sent / run.Seconds >= rate * 0.95 && run.Errors == 0;
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "devices",
                devices = count,
                heartbeatsPerSecondAsked = rate,
                heartbeatsPerSecond = Math.Round(run.Sent / run.Seconds),
                trivialPerSecond = Math.Round(trivial),
                ratio = trivial > 0 ? Math.Round(run.Sent / run.Seconds / trivial, 3) : (double?)null,
                heartbeatP50FirstThirdMs = Math.Round(run.FirstThirdP50, 1),
                heartbeatP50LastThirdMs = Math.Round(run.LastThirdP50, 1),
                presses = latencies.Count,
                notifyP50Ms = p50 is null ? (double?)null : Math.Round(p50.Value),
                notifyP99Ms = p99 is null ? (double?)null : Math.Round(p99.Value),
                killAcknowledged = acknowledged,
                killLost = lost,
            }, Json));
            var holds = rateHeld && noBacklog && p99 is < 2000 && latencies.Count == run.Presses.Count && lost is null or 0;
            Console.WriteLine(holds ? "claims hold: the rate kept up with no backlog, p99 press → notified < 2 s, nothing acknowledged lost" : "CLAIM FAILS (see above)");
            return holds ? 0 : 1;
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            if (broker is { HasExited: false })
            {
                broker.Kill();
                await broker.WaitForExitAsync();
            }

            SqliteConnection.ClearAllPools();
            folder?.Delete(recursive: true);
        }
    }

    /// <summary>Presses pendants as fast as 64 clients can until the server dies (<paramref name="kill"/> after <paramref name="killAfter"/>); returns the presses it acknowledged.</summary>
    private static async Task<List<(Guid DeviceId, string EventId)>> BurstAsync(HttpClient http, List<Key> pendants, TimeSpan killAfter, Action kill)
    {
        var acked = new ConcurrentBag<(Guid, string)>();
        var next = -1;
        var killer = Task.Run(async () =>
        {
            await Task.Delay(killAfter);
            kill();
        });
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            int i;
            var failures = 0;
            while ((i = Interlocked.Increment(ref next)) < pendants.Count && failures < 3)
            {
                var eventId = "sos-" + Guid.NewGuid().ToString("N");
                if (await PostAsync(http, pendants[i], $$"""{"eventId":"{{eventId}}","type":"Sos","time":"{{DateTime.UtcNow:O}}"}"""))
                {
                    acked.Add((pendants[i].DeviceId, eventId));
                }
                else
                {
                    failures++;
                }
            }
        }));
        await killer;
        return [.. acked];
    }

    /// <summary>Every device event in the database, read straight from the file (the server's answer is not trusted here).</summary>
    private static async Task<HashSet<(Guid, string)>> StoredEventsAsync(string connection)
    {
        var stored = new HashSet<(Guid, string)>();
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT e.\"DeviceId\", e.\"EventId\" FROM alr_events e JOIN alr_alerts a ON a.\"EventId\" = e.\"Id\"";
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            stored.Add((Guid.Parse(rows.GetString(0)), rows.GetString(1)));
        }

        return stored;
    }

    /// <summary>Registers the fleet through the batch endpoint: gateways, the devices attached to them, the MQTT devices and some pendants to press.</summary>
    private static async Task<Fleet> RegisterAsync(HttpClient http, int count, bool withMqtt)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mqttCount = withMqtt ? count / 2 : 0;
        var httpCount = count - mqttCount;
        var gatewayCount = Math.Max(1, (httpCount + PerGateway - 1) / PerGateway);
        var gateways = await BatchAsync(http, Enumerable.Range(0, gatewayCount).Select(i => (object)new { type = "Gateway", serial = $"B{run}-G{i}", model = "HUB-1", villageCode = Village }));
        var attached = await BatchAsync(http, Enumerable.Range(0, httpCount).Select(i => (object)new
        {
            type = "SmartWatch",
            serial = $"B{run}-H{i}",
            model = "W-2",
            villageCode = Village,
            gatewayId = gateways[i % gatewayCount].DeviceId,
            latitude = 25.79 + ((i % 100) * 0.0003),
            longitude = 109.60 + ((i / 100 % 100) * 0.0003),
        }));
        var onMqtt = await BatchAsync(http, Enumerable.Range(0, mqttCount).Select(i => (object)new { type = "SmartWatch", serial = $"B{run}-M{i}", model = "W-2", villageCode = Village }));
        var pendants = await BatchAsync(http, Enumerable.Range(0, 400).Select(i => (object)new
        {
            type = "SosPendant",
            serial = $"B{run}-P{i}",
            model = "YT-SOS2",
            villageCode = Village,
            latitude = 25.79 + ((i % 20) * 0.0005),
            longitude = 109.6 + ((i / 20) * 0.0005), // homes around the drum tower, so the nearest volunteer can be found
        }));
        var byGateway = gateways.ToDictionary(g => g.DeviceId, _ => new List<Key>());
        for (var i = 0; i < attached.Count; i++)
        {
            byGateway[gateways[i % gatewayCount].DeviceId].Add(attached[i]);
        }

        return new Fleet(gateways, byGateway, onMqtt, pendants);
    }

    private static async Task<List<Key>> BatchAsync(HttpClient http, IEnumerable<object> devices)
    {
        var keys = new List<Key>();
        foreach (var chunk in devices.Chunk(1000))
        {
            using var response = await http.PostAsJsonAsync("/api/v1/alerts/devices/batch", new { devices = chunk });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Registering devices failed: " + await response.Content.ReadAsStringAsync());
            }

            foreach (var c in (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
            {
                keys.Add(new Key(c.GetProperty("device").GetProperty("id").GetGuid(), c.GetProperty("device").GetProperty("serial").GetString()!,
                    c.GetProperty("keyId").GetString()!, Convert.FromBase64String(c.GetProperty("secret").GetString()!)));
            }
        }

        return keys;
    }

    private static async Task<List<IMqttClient>> ConnectAsync(string mqtt, int connections)
    {
        var clients = new List<IMqttClient>();
        for (var i = 0; i < connections; i++)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mqtt.Split(':')[0], int.Parse(mqtt.Split(':')[1], CultureInfo.InvariantCulture))
                .WithClientId("sim-" + Guid.NewGuid().ToString("N")[..8]).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            clients.Add(client);
        }

        return clients;
    }

    private sealed record Press(Guid DeviceId, DateTime At, string Channel);

    private sealed record Run(long Sent, double Seconds, int Errors, double FirstThirdP50, double LastThirdP50, double P99, List<Press> Presses);

    /// <summary>
    /// Sends heartbeats at <paramref name="rate"/> a second (open loop: every 50 ms the events due go out, whatever the
    /// answers) and presses pendants at <paramref name="sosRate"/>; each pendant is pressed once per run.
    /// </summary>
    private static async Task<Run> DriveAsync(HttpClient http, List<IMqttClient> publishers, Fleet fleet, double rate, double seconds, double sosRate)
    {
        var httpKeys = fleet.Attached.SelectMany(g => g.Value.Select(k => (Gateway: g.Key, Key: k))).ToList();
        var gateways = fleet.Gateways.ToDictionary(g => g.DeviceId);
        var total = httpKeys.Count + fleet.Mqtt.Count;
        var latencies = new ConcurrentBag<(double At, double Ms)>();
        var errors = 0;
        long sent = 0;
        var presses = new ConcurrentBag<Press>();
        var pending = new List<Task>();
        var inFlight = new SemaphoreSlim(400);
        var watch = Stopwatch.StartNew();
        var next = 0L;
        var pressed = 0;
        var tick = TimeSpan.FromMilliseconds(50);
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            // Open loop on the wall clock: whatever is due by now goes out, however the answers are doing.
            var due = (int)Math.Min(int.MaxValue, (long)(rate * watch.Elapsed.TotalSeconds) - next);
            var pressesDue = (int)(sosRate * watch.Elapsed.TotalSeconds) - pressed;
            var now = DateTime.UtcNow;
            var batches = new Dictionary<Guid, List<string>>();
            for (var i = 0; i < due; i++, next++)
            {
                var slot = (int)(next % total);
                var beat = "{\"eventId\":\"hb-" + next.ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"Heartbeat\",\"time\":\"" + now.ToString("O", CultureInfo.InvariantCulture)
                    + "\",\"payload\":{\"battery\":" + (80 + (slot % 20)).ToString(CultureInfo.InvariantCulture) + ",\"activity\":" + (slot % 7 == 0 ? "true" : "false") + "}";
                if (slot < httpKeys.Count)
                {
                    var (gateway, key) = httpKeys[slot];
                    if (!batches.TryGetValue(gateway, out var list))
                    {
                        batches[gateway] = list = [];
                    }

                    list.Add(beat + ",\"device\":\"" + key.Serial + "\"}");
                }
                else
                {
                    var key = fleet.Mqtt[slot - httpKeys.Count];
                    pending.Add(Track(1, () => PublishAsync(publishers[slot % publishers.Count], key, beat + "}")));
                }
            }

            foreach (var (gateway, beats) in batches)
            {
                var body = "{\"events\":[" + string.Join(",", beats) + "]}";
                pending.Add(Track(beats.Count, () => PostAsync(http, gateways[gateway], body)));
            }

            for (; pressesDue > 0 && pressed < fleet.Pendants.Count; pressesDue--)
            {
                var key = fleet.Pendants[pressed++];
                var at = DateTime.UtcNow;
                var press = $$"""{"eventId":"sos-{{Guid.NewGuid():N}}","type":"Sos","time":"{{at:O}}"}""";
                pending.Add(pressed % 2 == 0 || publishers.Count == 0
                    ? Task.Run(async () =>
                    {
                        if (await PostAsync(http, key, press))
                        {
                            presses.Add(new Press(key.DeviceId, at, "http"));
                        }
                    })
                    : Task.Run(async () =>
                    {
                        if (await PublishAsync(publishers[0], key, press))
                        {
                            presses.Add(new Press(key.DeviceId, at, "mqtt"));
                        }
                    }));
            }

            pending.RemoveAll(t => t.IsCompleted);
            var wait = tick - TimeSpan.FromTicks(watch.Elapsed.Ticks % tick.Ticks);
            await Task.Delay(wait);
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        await Task.WhenAll(pending);
        var ordered = latencies.ToList();
        var third = elapsed / 3;
        double P50(IEnumerable<double> ms) => ResponseStats.Percentile([.. ms.Order()], 50) ?? 0;
        return new Run(sent, elapsed, errors, P50(ordered.Where(l => l.At < third).Select(l => l.Ms)), P50(ordered.Where(l => l.At >= 2 * third).Select(l => l.Ms)),
            ResponseStats.Percentile([.. ordered.Select(l => l.Ms).Order()], 99) ?? 0, [.. presses]);

        async Task Track(int events, Func<Task<bool>> send)
        {
            await inFlight.WaitAsync();
            try
            {
                var started = watch.Elapsed.TotalSeconds;
                var ok = await send();
                latencies.Add((started, (watch.Elapsed.TotalSeconds - started) * 1000));
                if (ok)
                {
                    Interlocked.Add(ref sent, events);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    private static async Task<bool> PostAsync(HttpClient http, Key key, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/events") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-CoCare-Key", key.KeyId);
        request.Headers.Add("X-CoCare-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-CoCare-Signature", EventSignature.Sign(key.Secret, key.KeyId, stamp, bytes));
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode && Interlocked.Increment(ref reported) <= 3)
            {
                Console.WriteLine($"  refused over HTTP: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<bool> PublishAsync(IMqttClient client, Key key, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        try
        {
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"cocare/devices/{key.KeyId}/events").WithPayload(bytes)
                .WithUserProperty("timestamp", Encoding.UTF8.GetBytes(stamp.ToString(CultureInfo.InvariantCulture)).AsMemory())
                .WithUserProperty("signature", Encoding.UTF8.GetBytes(EventSignature.Sign(key.Secret, key.KeyId, stamp, bytes)).AsMemory())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            if (!result.IsSuccess && Interlocked.Increment(ref reported) <= 3)
            {
                Console.WriteLine($"  refused over MQTT: {result.ReasonCode} {result.ReasonString}");
            }

            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<double> TrivialAsync(HttpClient http, double seconds)
    {
        var watch = Stopwatch.StartNew();
        long done = 0;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                using var response = await http.GetAsync("/bench/trivial");
                Interlocked.Increment(ref done);
            }
        }));
        return done / watch.Elapsed.TotalSeconds;
    }

    /// <summary>For each press, the time from the press to its alert's first responder being notified (read back from the alerts list).</summary>
    private static async Task<List<double>> NotifyLatenciesAsync(HttpClient http, List<Press> presses)
    {
        var byDevice = presses.ToDictionary(p => p.DeviceId);
        var found = new List<double>();
        for (var page = 1; page <= 100 && found.Count < presses.Count; page++)
        {
            var list = await http.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?pageSize=100&page={page}");
            var items = list.GetProperty("items");
            foreach (var a in items.EnumerateArray())
            {
                if (byDevice.TryGetValue(a.GetProperty("deviceId").GetGuid(), out var press) && a.GetProperty("notifiedAt").ValueKind == JsonValueKind.String)
                {
                    var ms = (a.GetProperty("notifiedAt").GetDateTime().ToUniversalTime() - press.At).TotalMilliseconds;
                    found.Add(ms);
                    if (ms > 2000)
                    {
                        Console.WriteLine($"  slow press over {press.Channel}: raised {(a.GetProperty("raisedAt").GetDateTime().ToUniversalTime() - press.At).TotalMilliseconds:F0} ms after the press, notified {ms:F0} ms after");
                    }
                }
            }

            if (items.GetArrayLength() < 100)
            {
                break;
            }
        }

        found.Sort();
        return found;
    }
}
