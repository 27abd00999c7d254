using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Mqtt;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace CoCare.IntegrationTests;

/// <summary>
/// Devices publish to a Mosquitto broker and CoCare takes their events with the same rules as over HTTP: signed,
/// fresh, once per event id. When the broker goes away and comes back, CoCare connects again and misses nothing the
/// broker kept.
/// </summary>
public abstract class MqttTestBase(bool ownBroker) : IAsyncLifetime
{
    private Broker? own;
    private CoCareApp? host;

    /// <summary>The broker's port: test.sh's broker (COCARE_TEST_MQTT) when there is one and the test does not stop it, else one of the test's own.</summary>
    protected int Port { get; private set; }

    protected Broker Own => own!;

    protected CoCareApp app => host!;

    public async Task InitializeAsync()
    {
        if (Broker.Binary is null)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cocare-tests"));
        if (!ownBroker && Environment.GetEnvironmentVariable("COCARE_TEST_MQTT") is { Length: > 0 } shared)
        {
            Port = int.Parse(shared[(shared.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            own = await Broker.StartAsync();
            Port = own.Port;
        }

        host = new CoCareApp(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Alerts:Mqtt:Host"] = "127.0.0.1",
            ["Alerts:Mqtt:Port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:Mqtt:ClientId"] = "cocare-test-" + Guid.NewGuid().ToString("N")[..8],
        });
        _ = host.Server;
        await ConnectedAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }

    protected async Task ConnectedAsync()
    {
        var subscriber = app.Services.GetRequiredService<MqttEvents>();
        Assert.True(await Eventually.UntilAsync(() => Task.FromResult(subscriber.IsConnected), c => c), "CoCare connects to the broker");
    }

    /// <summary>A device on the broker: publishes signed messages on its events topic and hears its results.</summary>
    protected sealed class MqttDevice(AlertsTests.Credential key, IMqttClient client, CoCareApp app) : IAsyncDisposable
    {
        public ConcurrentQueue<JsonElement> Results { get; } = new();

        public static async Task<MqttDevice> ConnectAsync(int port, AlertsTests.Credential key, CoCareApp app)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var device = new MqttDevice(key, client, app);
            client.ApplicationMessageReceivedAsync += e =>
            {
                device.Results.Enqueue(JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString()).RootElement.Clone());
                return Task.CompletedTask;
            };
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("dev-" + key.Serial)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic($"cocare/devices/{key.KeyId}/results").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
            return device;
        }

        public Task<MqttClientPublishResult> PublishAsync(string body, string? signature = null, TimeSpan skew = default)
        {
            var stamp = (app.Clock.GetUtcNow() + skew).ToUnixTimeSeconds();
            var bytes = Encoding.UTF8.GetBytes(body);
            return client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"cocare/devices/{key.KeyId}/events").WithPayload(bytes)
                .WithUserProperty("timestamp", Encoding.UTF8.GetBytes(stamp.ToString(CultureInfo.InvariantCulture)).AsMemory())
                .WithUserProperty("signature", Encoding.UTF8.GetBytes(signature ?? EventSignature.Sign(Convert.FromBase64String(key.Secret), key.KeyId, stamp, bytes)).AsMemory())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        public async Task<JsonElement> NextResultAsync()
        {
            var result = await Eventually.UntilAsync(() => Task.FromResult(Results.TryDequeue(out var r) ? r : (JsonElement?)null), r => r is not null);
            Assert.True(result is not null, "CoCare answered on the results topic");
            return result!.Value;
        }

        public async ValueTask DisposeAsync()
        {
            await client.DisconnectAsync();
            client.Dispose();
        }
    }

    protected async Task<AlertsTests.Credential> PendantAsync()
    {
        using var provider = await app.ClientAsync("provider");
        var elder = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders?village={ResidentsApiTests.GVillage}&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        return await AlertsTests.RegisterAsync(provider, new { type = "SosPendant", serial = AlertsTests.Serial("P"), model = "YT-SOS2", elderId = elder });
    }

    protected Task<int> StoredAsync(Guid deviceId) => app.WithDbAsync(d => d.Set<DeviceEvent>().CountAsync(e => e.DeviceId == deviceId && e.Channel == "mqtt"));

}

/// <summary>Over MQTT the same rules hold as over HTTP.</summary>
public sealed class MqttTests() : MqttTestBase(ownBroker: false)
{
    [BrokerFact]
    public async Task APressOverMqtt_IsStoredOnce_AndRaisesAnAlert_WhileForgeriesAreRefused()
    {
        var key = await PendantAsync();
        await using var device = await MqttDevice.ConnectAsync(Port, key, app);
        var press = AlertsTests.Event("sos-" + Guid.NewGuid().ToString("N"), "Sos", app.Clock.GetUtcNow());

        await device.PublishAsync(press);
        var first = await device.NextResultAsync();
        Assert.Equal("accepted", first.GetProperty("results")[0].GetProperty("status").GetString());
        var alertId = first.GetProperty("results")[0].GetProperty("alertId").GetGuid();
        var alert = await Eventually.UntilAsync(() => app.WithDbAsync(d => d.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == alertId)), a => a.Status == AlertStatus.Notified);
        Assert.Equal((EventType.Sos, AlertStatus.Notified), (alert.Kind, alert.Status));

        await device.PublishAsync(press); // sent again: a duplicate
        Assert.Equal("duplicate", (await device.NextResultAsync()).GetProperty("results")[0].GetProperty("status").GetString());

        var forged = AlertsTests.Event("sos-" + Guid.NewGuid().ToString("N"), "Sos", app.Clock.GetUtcNow());
        await device.PublishAsync(forged, signature: new string('0', 64));
        Assert.Equal(401, (await device.NextResultAsync()).GetProperty("status").GetInt32());
        await device.PublishAsync(forged, skew: TimeSpan.FromMinutes(-6));
        Assert.Equal(401, (await device.NextResultAsync()).GetProperty("status").GetInt32());
        await device.PublishAsync("{\"eventId\":");
        Assert.Equal(400, (await device.NextResultAsync()).GetProperty("status").GetInt32());
        Assert.Equal(1, await StoredAsync(key.DeviceId));
    }

}

/// <summary>The broker goes away and comes back (a broker of the test's own, so stopping it disturbs nobody else).</summary>
public sealed class MqttReconnectTests() : MqttTestBase(ownBroker: true)
{
    [BrokerFact]
    public async Task WhenTheBrokerGoesAwayAndComesBack_CoCareReconnects_AndMissesNothingItKept()
    {
        var key = await PendantAsync();
        await using (var before = await MqttDevice.ConnectAsync(Port, key, app))
        {
            await before.PublishAsync(AlertsTests.Event("before", "Sos", app.Clock.GetUtcNow()));
            await before.NextResultAsync();
        }

        await Own.StopAsync();
        await Own.StartAgainAsync();

        // Published the moment the broker is back, most likely before CoCare has reconnected: the broker keeps them in CoCare's session.
        var device = await MqttDevice.ConnectAsync(Port, key, app);
        for (var i = 0; i < 20; i++)
        {
            await device.PublishAsync(AlertsTests.Event($"after-{i}", i % 2 == 0 ? "Sos" : "Fall", app.Clock.GetUtcNow()));
        }

        await ConnectedAsync();
        Assert.Equal(21, await Eventually.UntilAsync(() => StoredAsync(key.DeviceId), n => n == 21));
        Assert.Equal(21, await Eventually.UntilAsync(() => app.WithDbAsync(d => d.Set<Alert>().CountAsync(a => a.DeviceId == key.DeviceId)), n => n == 21));
        await device.DisposeAsync();
    }
}
