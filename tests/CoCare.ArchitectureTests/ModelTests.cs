using CoCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.ArchitectureTests;

public class ModelTests
{
    private static AppDbContext Context()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoCare"] = "Data Source=:memory:",
        }).Build();
        services.AddCoCareData(configuration);
        services.AddDirectoryModel();
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
    }

    [Fact]
    public void EachModule_OwnsItsTablesUnderOnePrefix()
    {
        using var db = Context();
        var byModule = db.Model.GetEntityTypes()
            .Where(t => LayeringTests.ModuleAssemblies.Contains(t.ClrType.Assembly))
            .GroupBy(t => t.ClrType.Assembly.GetName().Name!)
            .ToDictionary(g => g.Key, g => g.Select(t => t.GetTableName()!).ToList());
        Assert.NotEmpty(byModule);
        var prefixes = byModule.ToDictionary(m => m.Key, m => m.Value[0][..(m.Value[0].IndexOf('_', StringComparison.Ordinal) + 1)]);
        foreach (var (module, tables) in byModule)
        {
            Assert.True(prefixes[module].Length > 1, module + " tables need a prefix such as dir_");
            Assert.All(tables, t => Assert.StartsWith(prefixes[module], t, StringComparison.Ordinal));
        }

        Assert.Equal(prefixes.Count, prefixes.Values.Distinct().Count());
    }

    [Fact]
    public void MoneyAndTime_FollowTheConventions()
    {
        using var db = Context();
        var properties = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).ToList();
        Assert.DoesNotContain(properties, p => p.ClrType == typeof(decimal) || p.ClrType == typeof(double) || p.ClrType == typeof(float));
        Assert.DoesNotContain(properties, p => p.ClrType == typeof(DateTimeOffset) && p.DeclaringType.ClrType.Namespace!.StartsWith("CoCare", StringComparison.Ordinal));
    }
}
