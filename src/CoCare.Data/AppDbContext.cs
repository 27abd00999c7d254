using CoCare.Data.Audit;
using CoCare.Data.Identity;
using CoCare.Kernel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoCare.Data;

/// <summary>
/// The one database context. Modules add their tables through <see cref="IModelContributor"/>;
/// every save bumps version columns and appends hash-chained audit entries in the same transaction.
/// </summary>
public sealed partial class AppDbContext : IdentityDbContext<UserAccount>, IDataProtectionKeyContext
{
    private readonly IEnumerable<IModelContributor> contributors;
    private readonly CurrentActor actor;
    private readonly TimeProvider clock;
    private readonly AuditWriteGate gate;

    public AppDbContext(
        DbContextOptions<AppDbContext> options,
        IEnumerable<IModelContributor> contributors,
        CurrentActor actor,
        TimeProvider clock,
        AuditWriteGate gate)
        : base(options)
    {
        this.contributors = contributors;
        this.actor = actor;
        this.clock = clock;
        this.gate = gate;
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<UserAccount>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.Email).IsPersonalData();
            b.Property(u => u.NormalizedEmail).IsPersonalData();
            b.Property(u => u.PhoneNumber).IsPersonalData();
            b.Property(u => u.Version).IsConcurrencyToken();
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.EntityType).HasMaxLength(100);
            b.Property(e => e.EntityKey).HasMaxLength(200);
            b.Property(e => e.Action).HasMaxLength(20);
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.AccountId).HasMaxLength(64);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasIndex(e => e.Time);
            b.HasIndex(e => new { e.EntityType, e.EntityKey });
        });

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<Inbox.InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.Property(m => m.MessageKey).HasMaxLength(100).IsRequired();
            b.Property(m => m.Arguments).HasJsonConversion();
            b.Property(m => m.Link).HasMaxLength(300);
            b.HasIndex(m => new { m.OrganizationId, m.CreatedAt });
        });

        foreach (var contributor in contributors)
        {
            contributor.Configure(builder);
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) || typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            if (typeof(Entity).IsAssignableFrom(entity.ClrType))
            {
                // Ids are made by the application (Guid v7), so a new child found through a navigation is an insert.
                builder.Entity(entity.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: the application never updates or deletes them.");
        }

        BumpVersions();
        if (!ChangeTracker.Entries().Any(AuditRecorder.IsAudited))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var turn = await gate.EnterAsync(cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (IsPostgres)
            {
                // Serialises the chain across web nodes; released when the transaction ends.
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262001)", cancellationToken);
            }

            var fresh = AuditRecorder.Collect(ChangeTracker.Entries().ToList(), actor, clock.GetUtcNow().UtcDateTime);
            await LinkAsync(fresh, cancellationToken);

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            foreach (var entry in ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Appends an entry recording that someone opened a full personal record.</summary>
    public async Task RecordReadAsync(string entityType, string entityKey, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry
        {
            Time = AuditChain.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            AccountId = actor.AccountId,
            UserName = actor.UserName,
            OrganizationId = actor.PrimaryOrganizationId,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = "Read",
        };
        await AppendAsync([entry], null, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (raw writes the change tracker does not see) and appends <paramref name="entries"/>
    /// to the chain in one transaction, in the audit turn. Nothing else may be pending in this context.
    /// </summary>
    private async Task AppendAsync(List<AuditEntry> entries, Func<System.Data.Common.DbTransaction, Task>? work, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(AuditRecorder.IsAudited))
        {
            throw new InvalidOperationException("Save pending changes before appending audit entries directly.");
        }

        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        if (IsPostgres)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262001)", cancellationToken);
        }

        if (work is not null)
        {
            await work(Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction));
        }

        await LinkAsync(entries, cancellationToken);
        await base.SaveChangesAsync(true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Links new entries after the newest one in the chain and adds them (call inside the audit turn and transaction).</summary>
    private async Task LinkAsync(List<AuditEntry> fresh, CancellationToken cancellationToken)
    {
        var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        AuditChain.Link(fresh, last?.Sequence ?? 0, last?.Hash ?? AuditChain.GenesisHash);
        AuditEntries.AddRange(fresh);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Metadata.FindProperty(nameof(Entity.Version));
            if (version is not null)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (long)property.OriginalValue! + 1;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
