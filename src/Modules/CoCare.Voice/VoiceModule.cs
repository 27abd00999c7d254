using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Data;
using CoCare.Voice.Features;
using CoCare.Voice.Features.Deliberation;
using CoCare.Voice.Features.Feedback;
using CoCare.Voice.Features.ReturnVisits;
using CoCare.Voice.Features.Rules;
using CoCare.Voice.Features.Satisfaction;
using CoCare.Voice.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Voice;

/// <summary>The Voice module's one registration entry point.</summary>
public static class VoiceModule
{
    public static IServiceCollection AddVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, VoiceModel>();
        services.AddSingleton(new ErrorTextSource(typeof(VoiceText)));
        services.Configure<FeedbackOptions>(configuration.GetSection("Voice:ResponseWorkingDays"));
        services.Configure<FeedbackLimitOptions>(configuration.GetSection("Voice:PublicFeedbackLimit"));
        services.AddSingleton<FeedbackThrottle>();
        services.AddSingleton<RuleBook>();
        services.AddScoped<IVoiceRules, VoiceRulesSource>();
        services.AddScoped<DeliberationHandlers>();
        services.AddScoped<RuleHandlers>();
        services.AddScoped<FeedbackHandlers>();
        services.AddScoped<SatisfactionHandlers>();
        services.AddScoped<VoiceKpis>();
        services.AddScoped<IKpiContributor>(sp => sp.GetRequiredService<VoiceKpis>());
        services.AddScoped<IKpiRecords>(sp => sp.GetRequiredService<VoiceKpis>());
        services.AddScoped<SurveyHandlers>();
        services.AddScoped<ContractParties>();
        services.AddScoped<PointQr>();
        services.AddHostedService<FeedbackEscalator>();
        services.Configure<ReturnVisitOptions>(configuration.GetSection("Voice:ReturnVisits"));
        services.AddScoped<ReturnVisitHandlers>();
        services.AddHostedService<ReturnVisitScheduler>();
        VoicePolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
