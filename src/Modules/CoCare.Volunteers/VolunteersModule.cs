using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Data;
using CoCare.Volunteers.Features.Profiles;
using CoCare.Volunteers.Features.Recognition;
using CoCare.Volunteers.Features.Shifts;
using CoCare.Volunteers.Features.TimeBank;
using CoCare.Volunteers.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Volunteers;

/// <summary>The Volunteers module's one registration entry point.</summary>
public static class VolunteersModule
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IModelContributor, VolunteersModel>();
        services.AddSingleton(new ErrorTextSource(typeof(VolunteersText)));
        services.AddScoped<TimeLedger>();
        services.AddScoped<TimeBankHandlers>();
        services.AddScoped<ShiftHandlers>();
        services.AddScoped<RecognitionHandlers>();
        services.AddScoped<VolunteerHandlers>();
        services.AddScoped<IVolunteerFacts, VolunteerFactsSource>();
        VolunteersPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
