using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Data;
using CoCare.Procurement.Features.Applications;
using CoCare.Procurement.Features.Calls;
using CoCare.Procurement.Features.Contracts;
using CoCare.Procurement.Features.Ocds;
using CoCare.Procurement.Features.Projects;
using CoCare.Procurement.Features.Review;
using CoCare.Procurement.Resources;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Procurement;

/// <summary>The Procurement module's one registration entry point.</summary>
public static class ProcurementModule
{
    public static IServiceCollection AddProcurement(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, ProcurementModel>();
        services.AddSingleton(new ErrorTextSource(typeof(ProcurementText)));
        services.AddValidatorsFromAssemblyContaining<ProcurementModel>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<ProjectHandlers>();
        services.AddScoped<ApplicationHandlers>();
        services.AddScoped<ReviewHandlers>();
        services.AddScoped<ContractHandlers>();
        services.AddScoped<PublicCalls>();
        services.AddScoped<OcdsExport>();
        services.AddScoped<IProjectFacts, ProjectFactsSource>();
        services.AddScoped<IContractFacts, ContractFactsSource>();
        ProcurementPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
