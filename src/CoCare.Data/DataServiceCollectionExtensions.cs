using CoCare.Data.Audit;
using CoCare.Kernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoCare.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionName = "CoCare";
    public const string SqliteMigrationsAssembly = "CoCare.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "CoCare.Data.Postgres";

    /// <summary>Registers <see cref="AppDbContext"/> on SQLite (default) or PostgreSQL (Database:Provider=Postgres).</summary>
    public static IServiceCollection AddCoCareData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionName);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CurrentActor>();
        services.TryAddSingleton<AuditWriteGate>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Inbox.Inbox>();
        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<PersonalDataCipher>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:CoCare is not set.");
            }

            // The options are built once (singleton): a context per request must not redo this work.
            services.AddDbContext<AppDbContext>(db => db.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnection : connectionString;
            EnsureSqliteFolder(sqlite);
            var pragmas = new SqlitePragmas(backgroundCheckpoints: options.SqliteCheckpointMilliseconds > 0);
            services.AddDbContext<AppDbContext>(db => db.UseSqlite(sqlite, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(pragmas),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton(new SqliteCheckpointer.Target(sqlite, TimeSpan.FromMilliseconds(options.SqliteCheckpointMilliseconds)));
            services.AddHostedService<SqliteCheckpointer>();
        }

        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder) && source != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
