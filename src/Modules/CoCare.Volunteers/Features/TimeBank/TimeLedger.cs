using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Features.TimeBank;

/// <summary>
/// Writes the time bank's double-entry ledger. A transaction is added to the current unit of work with its postings
/// and the accounts' new balances, and is saved with whatever else the caller changed (a confirmed attendance, a
/// service request): all of it or none. The same idempotency key with the same request returns the first
/// transaction; with another request it is refused. Concurrent postings to one account meet on the account's
/// version: the loser's work is run again from the start (<see cref="RetryAsync{T}"/>).
/// </summary>
internal sealed class TimeLedger(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    private const int MaxAttempts = 8;

    /// <summary>Runs <paramref name="work"/> (which reads, changes and saves) again after a concurrent write got there first.</summary>
    public async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 4 * attempt), ct);
            }
        }
    }

    /// <summary>The transaction first recorded under <paramref name="key"/>, when the request is the same; 409 when it is not.</summary>
    public async Task<TimeTransaction?> EarlierAsync(string key, string hash, CancellationToken ct)
    {
        var earlier = await db.Set<TimeTransaction>().AsNoTracking().Include(t => t.Postings).FirstOrDefaultAsync(t => t.IdempotencyKey == key, ct);
        return earlier is null || earlier.RequestHash == hash ? earlier : throw DomainException.Conflict("TimeBank.KeyReused", "idempotencyKey", key);
    }

    /// <summary>Checks the postings (balanced, each account's floor) and adds the transaction; the caller saves.</summary>
    public async Task<TimeTransaction> AddAsync(TransactionKind kind, string key, string hash, string memo, string? reference, Guid? reverses,
        IReadOnlyList<(Guid Account, long Minutes)> postings, CancellationToken ct)
    {
        CheckKey(key);
        Ledger.CheckBalanced(postings);
        var ids = postings.Select(p => p.Account).ToList();
        var accounts = await db.Set<TimeAccount>().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var opened in db.Set<TimeAccount>().Local.Where(a => ids.Contains(a.Id)))
        {
            accounts[opened.Id] = opened;
        }

        var transaction = new TimeTransaction(kind, key, hash, memo, reference, reverses, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        foreach (var (account, minutes) in postings)
        {
            if (!accounts.TryGetValue(account, out var found))
            {
                throw DomainException.NotFound("TimeBank.AccountNotFound");
            }

            found.Post(minutes);
            transaction.Postings.Add(new TimePosting(account, minutes));
        }

        db.Add(transaction);
        return transaction;
    }

    /// <summary>The account of a volunteer, team or project, opened on first use (people and teams with floor 0, a project bank without one).</summary>
    public async Task<TimeAccount> AccountOfAsync(AccountKind kind, Guid ownerId, string name, string regionCode, CancellationToken ct)
    {
        var account = await db.Set<TimeAccount>().FirstOrDefaultAsync(a => a.Kind == kind && a.OwnerId == ownerId, ct);
        if (account is null)
        {
            account = new TimeAccount(kind, ownerId, name, regionCode, kind == AccountKind.ProjectBank ? null : 0);
            db.Add(account);
        }

        return account;
    }

    public static void CheckKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > TimeTransaction.MaxKeyLength)
        {
            throw new DomainException("TimeBank.KeyRequired", ErrorKind.Validation, "idempotencyKey", TimeTransaction.MaxKeyLength);
        }
    }
}
