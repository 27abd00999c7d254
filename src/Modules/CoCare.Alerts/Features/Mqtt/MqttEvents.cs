using System.Buffers;
using System.Text.Json;
using CoCare.Alerts.Features.Events;
using CoCare.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace CoCare.Alerts.Features.Mqtt;

/// <summary>
/// Where CoCare meets the devices' MQTT broker (<c>Alerts:Mqtt</c>): off unless <c>Host</c> is set. Devices publish to
/// <c>cocare/devices/{keyId}/events</c> with MQTT 5 user properties <c>timestamp</c> and <c>signature</c>, signed exactly as
/// over HTTP; CoCare answers on <c>cocare/devices/{keyId}/results</c>.
/// </summary>
public sealed record MqttSettings(string? Host, int Port, string ClientId, string? SharedGroup, string? UserName, string? Password)
{
    public const string EventsTopic = "cocare/devices/+/events";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The subscription: every device's events, shared among the nodes of a group when one is named.</summary>
    public string Subscription => string.IsNullOrWhiteSpace(SharedGroup) ? EventsTopic : $"$share/{SharedGroup}/{EventsTopic}";

    public static MqttSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Alerts:Mqtt");
        return new MqttSettings(section["Host"], section.GetValue("Port", 1883), section["ClientId"] is { Length: > 0 } id ? id : "cocare-" + Environment.MachineName.ToLowerInvariant(),
            section["SharedGroup"], section["UserName"], section["Password"]);
    }

    /// <summary>The key id in an events topic, or null for any other topic.</summary>
    public static string? KeyOf(string topic)
    {
        var parts = topic.Split('/');
        return parts is ["cocare", "devices", { Length: > 0 } key, "events"] ? key : null;
    }
}

/// <summary>
/// Takes device events from the MQTT broker with the same rules as the HTTP endpoint (<see cref="EventIngest"/>): the
/// session is persistent (clean start off, the broker keeps QoS 1 messages while CoCare is away) and each message is
/// acknowledged to the broker only once it is stored — a message CoCare could not store stays with the broker and comes
/// again after the reconnect. A refused message is acknowledged (sending it again would not help) and its problem
/// published to the device's results topic. Answers go out at QoS 0 (a device that misses one sends its event again and
/// hears "duplicate"), so the subscriber never waits on the broker for them. When the broker goes away, CoCare connects
/// again every second.
/// </summary>
public sealed partial class MqttEvents(MqttSettings settings, IServiceScopeFactory scopes, ILogger<MqttEvents> logger) : BackgroundService
{
    private const int InFlight = 256;

    /// <summary>The largest message taken, as over HTTP (the broker should refuse larger ones first: <c>max_packet_size</c>).</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim slots = new(InFlight, InFlight);
    private IMqttClient? client;

    /// <summary>Whether the subscriber is connected now (for health checks and tests).</summary>
    public bool IsConnected => client?.IsConnected == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        using var mqtt = new MqttClientFactory().CreateMqttClient();
        client = mqtt;
        mqtt.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            return ReceiveAsync(e, stoppingToken);
        };

        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 24 * 3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithCredentials(settings.UserName, settings.Password)
            .Build();
        var wasConnected = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            if (mqtt.IsConnected)
            {
                continue;
            }

            if (wasConnected)
            {
                Lost(logger, settings.Host!, settings.Port);
                wasConnected = false;
            }

            try
            {
                var connected = await mqtt.ConnectAsync(options, stoppingToken);
                if (!connected.IsSessionPresent)
                {
                    await mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(f => f.WithTopic(settings.Subscription).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), stoppingToken);
                }

                wasConnected = true;
                Connected(logger, settings.Host!, settings.Port, connected.IsSessionPresent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ConnectFailed(logger, settings.Host!, settings.Port, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } mqtt)
        {
            // Leave the session in place: what arrives while CoCare is away waits at the broker.
            await mqtt.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    /// <summary>Takes a message off the receive loop at once (a few hundred are ingested side by side, so the writer can group them).</summary>
    private async Task ReceiveAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        _ = Task.Run(async () =>
        {
            try
            {
                await HandleAsync(e, ct);
            }
            finally
            {
                slots.Release();
            }
        }, CancellationToken.None);
    }

    private async Task HandleAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken ct)
    {
        var message = e.ApplicationMessage;
        var key = MqttSettings.KeyOf(message.Topic);
        object answer;
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            if (message.Payload.Length > MaxMessageBytes)
            {
                throw new DomainException("Event.TooLarge", ErrorKind.Validation, "body", MaxMessageBytes / 1024);
            }

            answer = await scope.ServiceProvider.GetRequiredService<EventIngest>()
                .IngestAsync(key, Property(message, "timestamp"), Property(message, "signature"), message.Payload.ToArray(), "mqtt", ct);
        }
        catch (DomainException refused)
        {
            answer = new { status = StatusOf(refused.Kind), title = scope.ServiceProvider.GetRequiredService<IErrorText>().Describe(refused), field = refused.Field };
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // Not stored and not refused (the database is away): no acknowledgement, so the broker sends it again on reconnect.
            StoreFailed(logger, message.Topic, failed);
            if (client is { IsConnected: true } mqtt)
            {
                await mqtt.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build(), CancellationToken.None);
            }

            return;
        }

        await e.AcknowledgeAsync(ct);
        if (key is not null && client is { IsConnected: true } connected && !OnlyHeartbeats(answer))
        {
            await connected.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"cocare/devices/{key}/results")
                .WithPayload(JsonSerializer.SerializeToUtf8Bytes(answer, Json)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build(), ct);
        }
    }

    /// <summary>Accepted heartbeats are not answered over MQTT (the broker's acknowledgement is all a "still here" needs); anything else is.</summary>
    private static bool OnlyHeartbeats(object answer) =>
        answer is IngestResult { HeartbeatsOnly: true };

    private static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.Conflict => 409,
        ErrorKind.NotFound => 404,
        _ => 400,
    };

    private static string? Property(MqttApplicationMessage message, string name) =>
        message.UserProperties?.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } p ? p.ReadValueAsString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the MQTT broker {Host}:{Port} (session kept: {SessionPresent})")]
    private static partial void Connected(ILogger logger, string host, int port, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the MQTT broker {Host}:{Port}; connecting again every second")]
    private static partial void Lost(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not connect to the MQTT broker {Host}:{Port}: {Reason}")]
    private static partial void ConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A device message on {Topic} could not be stored; left with the broker to come again")]
    private static partial void StoreFailed(ILogger logger, string topic, Exception e);
}
