using CoCare.Data;
using CoCare.Kernel;
using CoCare.Network.Data;
using CoCare.Network.Features;
using CoCare.Network.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Network;

/// <summary>The Network module's one registration entry point.</summary>
public static class NetworkModule
{
    public static IServiceCollection AddNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, NetworkModel>();
        services.AddSingleton(new ErrorTextSource(typeof(NetworkText)));
        services.AddScoped<NetworkHandlers>();
        services.AddScoped<NetworkKpis>();
        services.AddScoped<INetworkFacts, NetworkFacts>();
        services.AddScoped<IKpiContributor>(sp => sp.GetRequiredService<NetworkKpis>());
        services.AddScoped<IKpiRecords>(sp => sp.GetRequiredService<NetworkKpis>());
        NetworkPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
