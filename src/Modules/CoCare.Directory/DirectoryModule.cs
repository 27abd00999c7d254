using CoCare.Data;
using CoCare.Data.Identity;
using CoCare.Directory.Data;
using CoCare.Directory.Domain.Rules;
using CoCare.Directory.Features.Accounts;
using CoCare.Directory.Features.Kpis;
using CoCare.Directory.Features.Organizations;
using CoCare.Directory.Features.People;
using CoCare.Directory.Features.Regions;
using CoCare.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Directory;

/// <summary>The Directory module's one registration entry point.</summary>
public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, DirectoryModel>();
        services.AddSingleton(new CoCare.Kernel.ErrorTextSource(typeof(Resources.DirectoryText)));
        services.AddValidatorsFromAssemblyContaining<DirectoryModel>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<CoCare.Kernel.IDirectory, DirectoryService>();
        services.AddScoped<RegionHandlers>();
        services.AddScoped<OrganizationHandlers>();
        services.AddScoped<PersonHandlers>();
        services.AddScoped<DirectoryKpis>();
        services.AddScoped<IKpiContributor>(sp => sp.GetRequiredService<DirectoryKpis>());
        services.AddScoped<IRegionCounts>(sp => sp.GetRequiredService<DirectoryKpis>());
        services.AddScoped<IKpiRecords>(sp => sp.GetRequiredService<DirectoryKpis>());
        services.AddScoped<AccountHandlers>();
        services.AddScoped<IUserClaimsPrincipalFactory<UserAccount>, AccountClaims>();
        services.AddSingleton(configuration.GetSection("Auth:Password").Get<PasswordPolicy>() ?? new PasswordPolicy());
        services.AddScoped<IPasswordValidator<UserAccount>, PolicyPasswordValidator>();
        DirectoryPolicies.Register(services.AddAuthorizationBuilder());
        return services;
    }
}
