using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Data;
using CoCare.Services.Features.Canteen;
using CoCare.Services.Features.Catalogue;
using CoCare.Services.Features.Orders;
using CoCare.Services.Features.Routing;
using CoCare.Services.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Services;

/// <summary>The Services module's one registration entry point.</summary>
public static class ServicesModule
{
    public static IServiceCollection AddServices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, ServicesModel>();
        services.AddSingleton(new ErrorTextSource(typeof(ServicesText)));
        services.AddScoped<CatalogueHandlers>();
        services.AddScoped<CanteenHandlers>();
        services.AddScoped<CheckInHandlers>();
        services.AddScoped<OrderHandlers>();
        services.AddScoped<Assignees>();
        services.AddScoped<ServiceKpis>();
        services.AddScoped<IKpiContributor>(sp => sp.GetRequiredService<ServiceKpis>());
        services.AddScoped<IRegionCounts>(sp => sp.GetRequiredService<ServiceKpis>());
        services.AddScoped<IKpiRecords>(sp => sp.GetRequiredService<ServiceKpis>());
        services.AddScoped<IServiceRequests, ServiceRequests>();
        services.AddScoped<IServiceFacts, ServiceFacts>();
        services.AddScoped<RoutePlanHandlers>();
        services.AddSingleton<CheckInWriter>();
        services.AddMemoryCache();
        services.AddSingleton<CanteenLookups>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInWriter>());
        ServicesPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
