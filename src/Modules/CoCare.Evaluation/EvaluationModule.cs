using CoCare.Data;
using CoCare.Evaluation.Data;
using CoCare.Evaluation.Features;
using CoCare.Evaluation.Features.Evaluations;
using CoCare.Evaluation.Features.Expenditures;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Evaluation.Features.Payments;
using CoCare.Evaluation.Resources;
using CoCare.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Evaluation;

/// <summary>The Evaluation &amp; Funds module's one registration entry point.</summary>
public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, EvaluationModel>();
        services.AddSingleton(new ErrorTextSource(typeof(EvaluationText)));
        services.AddScoped<IndicatorSystemHandlers>();
        services.AddScoped<EvidenceCollector>();
        services.AddScoped<EvaluationHandlers>();
        services.AddScoped<ContractAccess>();
        services.AddScoped<PaymentHandlers>();
        services.AddScoped<ExpenditureHandlers>();
        services.AddScoped<IContractMoney, ContractMoneySource>();
        EvaluationPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
