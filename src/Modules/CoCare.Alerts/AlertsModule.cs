using CoCare.Alerts.Data;
using CoCare.Alerts.Features.Alerts;
using CoCare.Alerts.Features.Board;
using CoCare.Alerts.Features.Devices;
using CoCare.Alerts.Features.Duty;
using CoCare.Alerts.Features.Events;
using CoCare.Alerts.Features.Maintenance;
using CoCare.Alerts.Features.Mqtt;
using CoCare.Alerts.Features.Rules;
using CoCare.Alerts.Resources;
using CoCare.Data;
using CoCare.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Alerts;

/// <summary>The Alerts module's one registration entry point: devices, their signed events, and the alerts those raise.</summary>
public static class AlertsModule
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, AlertsModel>();
        services.AddSingleton(new ErrorTextSource(typeof(AlertsText)));
        services.AddSingleton<DeviceCredentials>();
        services.AddScoped<DeviceHandlers>();
        services.AddScoped<EventIngest>();
        services.AddSingleton<HeartbeatBuffer>();
        services.AddHostedService<HeartbeatWriter>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddSingleton<EventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
        services.AddScoped<AlertRouter>();
        services.AddScoped<ResponderPositions>();
        services.AddScoped<DutyRoster>();
        services.AddScoped<AlertHandlers>();
        services.AddHostedService<AlertEscalator>();
        services.AddScoped<MaintenanceHandlers>();
        services.AddScoped<RuleHandlers>();
        services.AddScoped<BoardHandlers>();
        services.AddSingleton(MqttSettings.From(configuration));
        services.AddSingleton<MqttEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttEvents>());
        services.AddHostedService<InactivityWatch>();
        services.AddHostedService<DeviceWatch>();
        AlertsPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
