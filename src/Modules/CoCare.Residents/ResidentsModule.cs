using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Data;
using CoCare.Residents.Features;
using CoCare.Residents.Features.Assessments;
using CoCare.Residents.Features.CollectiveIssues;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Features.Import;
using CoCare.Residents.Features.Needs;
using CoCare.Residents.Features.ServiceList;
using CoCare.Residents.Features.VisitPlans;
using CoCare.Residents.Features.Visits;
using CoCare.Residents.Resources;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Residents;

/// <summary>The Residents module's one registration entry point.</summary>
public static class ResidentsModule
{
    public static IServiceCollection AddResidents(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, ResidentsModel>();
        services.AddSingleton(new ErrorTextSource(typeof(ResidentsText)));
        services.AddValidatorsFromAssemblyContaining<ResidentsModel>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<ElderHandlers>();
        services.AddScoped<AssessmentHandlers>();
        services.AddScoped<NeedHandlers>();
        services.AddScoped<VisitHandlers>();
        services.AddScoped<CollectiveIssueHandlers>();
        services.AddScoped<RosterImportHandlers>();
        services.AddScoped<ServiceListHandlers>();
        services.AddScoped<VisitPlanHandlers>();
        services.AddScoped<NeedsMatching>();
        services.AddScoped<INeedsMatching>(sp => sp.GetRequiredService<NeedsMatching>());
        services.AddScoped<MatchRateQuery>();
        services.AddScoped<ResidentsKpis>();
        services.AddScoped<IKpiContributor>(sp => sp.GetRequiredService<ResidentsKpis>());
        services.AddScoped<IRegionCounts>(sp => sp.GetRequiredService<ResidentsKpis>());
        services.AddScoped<IKpiRecords>(sp => sp.GetRequiredService<ResidentsKpis>());
        services.AddScoped<IElderFacts, ElderFactsService>();
        services.AddScoped<IVisitFacts, VisitFacts>();
        ResidentsPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
