using CoCare.Insights.Features.Cooperation;
using CoCare.Insights.Features.Dashboards;
using CoCare.Insights.Features.KpiSheets;
using CoCare.Insights.Features.Reports;
using CoCare.Insights.Features.Transparency;
using CoCare.Insights.Resources;
using CoCare.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Insights;

/// <summary>The Insights module's one registration entry point.</summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton(new ErrorTextSource(typeof(InsightsText)));
        services.AddScoped<KpiService>();
        services.AddScoped<IKpiService>(sp => sp.GetRequiredService<KpiService>());
        services.AddScoped<KpiScopes>();
        services.AddScoped<KpiHandlers>();
        services.AddScoped<DashboardHandlers>();
        services.AddScoped<ContractTargets>();
        services.AddScoped<TransparencyHandlers>();
        services.AddScoped<CooperationHandlers>();
        services.AddScoped<ReportHandlers>();
        InsightsPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
