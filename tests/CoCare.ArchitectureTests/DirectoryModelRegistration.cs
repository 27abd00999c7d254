using CoCare.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.ArchitectureTests;

internal static class DirectoryModelRegistration
{
    /// <summary>Registers each module's tables the way its Add method does, without the rest of the module.</summary>
    public static IServiceCollection AddDirectoryModel(this IServiceCollection services)
    {
        foreach (var type in LayeringTests.ModuleAssemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(IModelContributor).IsAssignableFrom(t) && !t.IsAbstract))
        {
            services.AddSingleton(typeof(IModelContributor), type);
        }

        return services;
    }
}
