using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Volunteers.Features.TimeBank;

/// <summary>Give hours from one account to another (a volunteer to the team, to a neighbour).</summary>
public sealed record TransferHours(string IdempotencyKey, Guid FromAccountId, Guid ToAccountId, decimal Hours, string? Memo);

/// <summary>Spend hours on a service for oneself or a family elder; the hours go back to the project's bank.</summary>
public sealed record RedeemHours(string IdempotencyKey, Guid AccountId, Guid ProjectId, Guid ElderId, string ServiceTypeCode, decimal Hours);

public sealed record ReverseTransaction(string IdempotencyKey, string Reason);

public sealed record PostingDto(Guid AccountId, decimal Hours);

public sealed record TransactionDto(Guid Id, TransactionKind Kind, string IdempotencyKey, string Memo, string? Reference, Guid? Reverses, string By, DateTime At,
    IReadOnlyList<PostingDto> Postings)
{
    public static TransactionDto From(TimeTransaction t) =>
        new(t.Id, t.Kind, t.IdempotencyKey, t.Memo, t.Reference, t.Reverses, t.By, t.At, t.Postings.Select(p => new PostingDto(p.AccountId, Hours.FromMinutes(p.Minutes))).ToList());
}

public sealed record AccountDto(Guid Id, AccountKind Kind, Guid OwnerId, string Name, string RegionCode, decimal Balance, decimal? Floor)
{
    public static AccountDto From(TimeAccount a) =>
        new(a.Id, a.Kind, a.OwnerId, a.Name, a.RegionCode, Hours.FromMinutes(a.Balance), a.Floor is { } f ? Hours.FromMinutes(f) : null);
}

public sealed record StatementLine(Guid TransactionId, TransactionKind Kind, DateTime At, string Memo, decimal Hours);

public sealed record Statement(AccountDto Account, Page<StatementLine> Lines);

public sealed record AccountMismatch(Guid AccountId, string Name, decimal Balance, decimal SumOfPostings);

/// <summary>The ledger's self-check: all postings sum to zero, every transaction balances, every balance equals its postings.</summary>
public sealed record LedgerCheck(bool Holds, decimal PostingsTotal, int Transactions, int Accounts, IReadOnlyList<Guid> UnbalancedTransactions, IReadOnlyList<AccountMismatch> Mismatches);

/// <summary>
/// The time bank (时间银行): accounts, transfers, redemptions, reversals, statements and the ledger check. Credits are
/// minted only by a confirmed attendance (<see cref="Shifts.ShiftHandlers"/>). A volunteer moves hours out of their own
/// account; coordinators of the account's region may act for anyone there.
/// </summary>
internal sealed class TimeBankHandlers(AppDbContext db, CurrentActor actor, TimeLedger ledger, IServiceProvider services)
{
    public async Task<Page<AccountDto>> ListAccountsAsync(AccountKind? kind, PageRequest paging, CancellationToken ct)
    {
        var q = db.Set<TimeAccount>().AsNoTracking();
        if (actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor))
        {
            // Everything.
        }
        else if (Coordinators.IsCoordinator(actor))
        {
            q = q.WhereRegionUnder(a => a.RegionCode, actor.ScopePrefixes);
        }
        else
        {
            var mine = await MyVolunteerIdAsync(ct) ?? Guid.Empty;
            q = q.Where(a => a.Kind == AccountKind.Person && a.OwnerId == mine);
        }

        if (kind is not null)
        {
            q = q.Where(a => a.Kind == kind);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(a => EF.Functions.Like(a.Name, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Kind).ThenBy(a => a.Name).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<AccountDto>(rows.Select(AccountDto.From).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<Statement> StatementAsync(Guid accountId, PageRequest paging, CancellationToken ct)
    {
        var account = await VisibleAccountAsync(accountId, ct);
        var lines = from p in db.Set<TimePosting>().AsNoTracking()
                    join t in db.Set<TimeTransaction>().AsNoTracking() on p.TransactionId equals t.Id
                    where p.AccountId == accountId
                    select new { t.Id, t.Kind, t.At, t.Memo, p.Minutes };
        var total = await lines.CountAsync(ct);
        var rows = await lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Statement(AccountDto.From(account),
            new Page<StatementLine>(rows.Select(l => new StatementLine(l.Id, l.Kind, l.At, l.Memo, Hours.FromMinutes(l.Minutes))).ToList(), total, paging.PageNumber, paging.PageSize));
    }

    public Task<(TransactionDto Transaction, bool Created)> TransferAsync(TransferHours request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeLedger.CheckKey(request.IdempotencyKey);
        var minutes = Hours.ToMinutes(request.Hours);
        var memo = (request.Memo ?? "").Trim();
        if (memo.Length > 200)
        {
            throw new DomainException("TimeBank.Memo", ErrorKind.Validation, "memo");
        }

        if (request.FromAccountId == request.ToAccountId)
        {
            throw new DomainException("TimeBank.SameAccount", ErrorKind.Validation, "toAccountId");
        }

        var hash = TimeTransaction.HashOf(nameof(TransferAsync), request.FromAccountId, request.ToAccountId, minutes, memo);
        return ledger.RetryAsync(async () =>
        {
            if (await ledger.EarlierAsync(request.IdempotencyKey, hash, ct) is { } earlier)
            {
                return (TransactionDto.From(earlier), false);
            }

            var from = await MayDrawAsync(request.FromAccountId, ct);
            var to = await VisibleToAnyoneAsync(request.ToAccountId, ct);
            if (to.Kind == AccountKind.ProjectBank || from.Kind == AccountKind.ProjectBank)
            {
                throw new DomainException("TimeBank.BankTransfer", ErrorKind.Validation, "toAccountId");
            }

            var t = await ledger.AddAsync(TransactionKind.Transfer, request.IdempotencyKey, hash, memo, null, null, [(from.Id, -minutes), (to.Id, minutes)], ct);
            await db.SaveChangesAsync(ct);
            return (TransactionDto.From(t), true);
        }, ct);
    }

    /// <summary>Spends hours on a service: person → the project's bank, and a service request for the elder in the same unit of work.</summary>
    public Task<(TransactionDto Transaction, bool Created)> RedeemAsync(RedeemHours request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeLedger.CheckKey(request.IdempotencyKey);
        var minutes = Hours.ToMinutes(request.Hours);
        if (string.IsNullOrWhiteSpace(request.ServiceTypeCode) || request.ServiceTypeCode.Length > 30)
        {
            throw new DomainException("TimeBank.ServiceType", ErrorKind.Validation, "serviceTypeCode");
        }

        var hash = TimeTransaction.HashOf(nameof(RedeemAsync), request.AccountId, request.ProjectId, request.ElderId, request.ServiceTypeCode, minutes);
        return ledger.RetryAsync(async () =>
        {
            if (await ledger.EarlierAsync(request.IdempotencyKey, hash, ct) is { } earlier)
            {
                return (TransactionDto.From(earlier), false);
            }

            var from = await MayDrawAsync(request.AccountId, ct);
            if (from.Kind != AccountKind.Person)
            {
                throw new DomainException("TimeBank.RedeemFromPerson", ErrorKind.Validation, "accountId");
            }

            var bank = await db.Set<TimeAccount>().FirstOrDefaultAsync(a => a.Kind == AccountKind.ProjectBank && a.OwnerId == request.ProjectId, ct)
                ?? throw new DomainException("TimeBank.NoProjectBank", ErrorKind.Validation, "projectId");
            string reference;
            if (services.GetService<IServiceRequests>() is { } requests)
            {
                var order = await requests.AddTimeBankRequestAsync(request.ElderId, request.ServiceTypeCode, ct);
                reference = "order:" + order.ToString("D");
            }
            else
            {
                reference = "elder:" + request.ElderId.ToString("D");
            }

            var t = await ledger.AddAsync(TransactionKind.Redeem, request.IdempotencyKey, hash, request.ServiceTypeCode, reference, null, [(from.Id, -minutes), (bank.Id, minutes)], ct);
            await db.SaveChangesAsync(ct);
            return (TransactionDto.From(t), true);
        }, ct);
    }

    /// <summary>Undoes a transaction with the opposite postings (coordinators only; once per transaction; a reversal cannot itself be reversed).</summary>
    public Task<(TransactionDto Transaction, bool Created)> ReverseAsync(Guid transactionId, ReverseTransaction request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeLedger.CheckKey(request.IdempotencyKey);
        var reason = (request.Reason ?? "").Trim();
        if (reason.Length is 0 or > 200)
        {
            throw new DomainException("TimeBank.Reason", ErrorKind.Validation, "reason");
        }

        var hash = TimeTransaction.HashOf(nameof(ReverseAsync), transactionId, reason);
        return ledger.RetryAsync(async () =>
        {
            if (await ledger.EarlierAsync(request.IdempotencyKey, hash, ct) is { } earlier)
            {
                return (TransactionDto.From(earlier), false);
            }

            var original = await db.Set<TimeTransaction>().AsNoTracking().Include(t => t.Postings).FirstOrDefaultAsync(t => t.Id == transactionId, ct)
                ?? throw DomainException.NotFound("TimeBank.TransactionNotFound");
            var accountIds = original.Postings.Select(p => p.AccountId).ToList();
            var regions = await db.Set<TimeAccount>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => a.RegionCode).ToListAsync(ct);
            if (!Coordinators.IsCoordinator(actor) || !regions.All(actor.Covers))
            {
                throw DomainException.Forbidden("Volunteers.CoordinatorsOnly");
            }

            if (original.Kind == TransactionKind.Reversal)
            {
                throw DomainException.Conflict("TimeBank.ReverseReversal");
            }

            if (await db.Set<TimeTransaction>().AnyAsync(t => t.Reverses == original.Id, ct))
            {
                throw DomainException.Conflict("TimeBank.AlreadyReversed");
            }

            var t = await ledger.AddAsync(TransactionKind.Reversal, request.IdempotencyKey, hash, reason, original.Reference, original.Id,
                original.Postings.Select(p => (p.AccountId, -p.Minutes)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            return (TransactionDto.From(t), true);
        }, ct);
    }

    /// <summary>Sums the whole ledger in the database (auditors and administrators).</summary>
    public async Task<LedgerCheck> VerifyAsync(CancellationToken ct)
    {
        var postings = db.Set<TimePosting>().AsNoTracking();
        var total = await postings.SumAsync(p => (long?)p.Minutes, ct) ?? 0;
        var unbalanced = await postings.GroupBy(p => p.TransactionId).Where(g => g.Sum(p => p.Minutes) != 0).Select(g => g.Key).Take(100).ToListAsync(ct);
        var sums = await postings.GroupBy(p => p.AccountId).Select(g => new { g.Key, Sum = g.Sum(p => p.Minutes) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var accounts = await db.Set<TimeAccount>().AsNoTracking().Select(a => new { a.Id, a.Name, a.Balance }).ToListAsync(ct);
        var mismatches = accounts.Where(a => a.Balance != sums.GetValueOrDefault(a.Id))
            .Select(a => new AccountMismatch(a.Id, a.Name, Hours.FromMinutes(a.Balance), Hours.FromMinutes(sums.GetValueOrDefault(a.Id)))).Take(100).ToList();
        var transactions = await db.Set<TimeTransaction>().CountAsync(ct);
        return new LedgerCheck(total == 0 && unbalanced.Count == 0 && mismatches.Count == 0, Hours.FromMinutes(total), transactions, accounts.Count, unbalanced, mismatches);
    }

    /// <summary>An account the caller may take hours from: their own, or any in their regions for a coordinator.</summary>
    private async Task<TimeAccount> MayDrawAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Set<TimeAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct) ?? throw DomainException.NotFound("TimeBank.AccountNotFound");
        if (actor.IsPlatformAdmin || (Coordinators.IsCoordinator(actor) && actor.Covers(account.RegionCode)))
        {
            return account;
        }

        var mine = await MyVolunteerIdAsync(ct);
        return account.Kind == AccountKind.Person && account.OwnerId == mine ? account : throw DomainException.Forbidden("TimeBank.NotYourAccount");
    }

    private async Task<TimeAccount> VisibleToAnyoneAsync(Guid accountId, CancellationToken ct) =>
        await db.Set<TimeAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct) ?? throw DomainException.NotFound("TimeBank.AccountNotFound");

    private async Task<TimeAccount> VisibleAccountAsync(Guid accountId, CancellationToken ct)
    {
        var account = await VisibleToAnyoneAsync(accountId, ct);
        if (actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || (Coordinators.IsCoordinator(actor) && actor.Covers(account.RegionCode)))
        {
            return account;
        }

        var mine = await MyVolunteerIdAsync(ct);
        return account.Kind == AccountKind.Person && account.OwnerId == mine ? account : throw DomainException.NotFound("TimeBank.AccountNotFound");
    }

    private async Task<Guid?> MyVolunteerIdAsync(CancellationToken ct)
    {
        var me = actor.AccountId;
        return me is null ? null : await db.Set<Volunteer>().AsNoTracking().Where(v => v.AccountId == me).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
    }
}
