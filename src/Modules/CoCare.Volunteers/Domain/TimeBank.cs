using System.Security.Cryptography;
using System.Text;
using CoCare.Kernel;

namespace CoCare.Volunteers.Domain;

public enum AccountKind
{
    /// <summary>A volunteer's own hours.</summary>
    Person,

    /// <summary>A team's pooled hours (members may give hours to their team).</summary>
    Team,

    /// <summary>A project's bank: it pays credits for confirmed attendance and takes them back when they are redeemed.</summary>
    ProjectBank,
}

public enum TransactionKind
{
    /// <summary>Credits for confirmed attendance (project bank → person).</summary>
    Mint,

    /// <summary>Credits spent on a service (person → project bank); creates a service request.</summary>
    Redeem,

    /// <summary>Hours given from one account to another.</summary>
    Transfer,

    /// <summary>Undoes an earlier transaction with the opposite postings (the ledger is never edited).</summary>
    Reversal,
}

/// <summary>
/// A time-bank account, in minutes. <see cref="Balance"/> is kept with every posting (the verify endpoint checks it
/// against the postings); the version makes two concurrent postings to one account retry rather than both win.
/// <see cref="Floor"/>: the lowest balance allowed (0 for people by default; none for a project bank, which goes
/// negative by what it has paid out and not yet taken back).
/// </summary>
public sealed class TimeAccount : Entity
{
    private TimeAccount()
    {
    }

    public TimeAccount(AccountKind kind, Guid ownerId, string name, string regionCode, long? floor)
    {
        Kind = kind;
        OwnerId = ownerId;
        Name = name;
        RegionCode = regionCode;
        Floor = floor;
    }

    public AccountKind Kind { get; private set; }

    /// <summary>The volunteer, team or project.</summary>
    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    public long? Floor { get; private set; }

    public long Balance { get; private set; }

    /// <summary>Applies one posting; refuses one that would take the balance below the floor.</summary>
    public void Post(long minutes)
    {
        if (Floor is { } floor && Balance + minutes < floor)
        {
            throw DomainException.Conflict("TimeBank.BelowFloor", "hours", Name, Hours.Format(Balance), Hours.Format(floor));
        }

        Balance += minutes;
    }
}

/// <summary>One transaction of the ledger: postings that sum to zero, written once and never changed.</summary>
public sealed class TimeTransaction
{
    public const int MaxKeyLength = 100;

    private TimeTransaction()
    {
    }

    public TimeTransaction(TransactionKind kind, string idempotencyKey, string requestHash, string memo, string? reference, Guid? reverses, string by, DateTime at)
    {
        Kind = kind;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
        Memo = memo;
        Reference = reference;
        Reverses = reverses;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public TransactionKind Kind { get; private set; }

    /// <summary>Chosen by the client: the same key with the same request returns the first result; with another request, 409.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>SHA-256 of the request the key was first used with.</summary>
    public string RequestHash { get; private set; } = "";

    public string Memo { get; private set; } = "";

    /// <summary>What the transaction pays for (a sign-up id, a service order id).</summary>
    public string? Reference { get; private set; }

    /// <summary>The transaction this one reverses (each can be reversed once).</summary>
    public Guid? Reverses { get; private set; }

    public string By { get; private set; } = "";

    public DateTime At { get; private set; }

    public List<TimePosting> Postings { get; private set; } = [];

    /// <summary>The hash that identifies a request body for idempotency: the same parts in the same order give the same hash.</summary>
    public static string HashOf(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture) ?? "")))));
}

/// <summary>One line of a transaction: minutes into (positive) or out of (negative) an account.</summary>
public sealed class TimePosting
{
    private TimePosting()
    {
    }

    public TimePosting(Guid accountId, long minutes)
    {
        AccountId = accountId;
        Minutes = minutes;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TransactionId { get; private set; }

    public Guid AccountId { get; private set; }

    public long Minutes { get; private set; }
}

/// <summary>The ledger's rules, pure: a transaction has at least two postings on distinct accounts, none zero, summing to zero.</summary>
public static class Ledger
{
    public static void CheckBalanced(IReadOnlyList<(Guid Account, long Minutes)> postings)
    {
        if (postings.Count < 2 || postings.Any(p => p.Minutes == 0) || postings.Select(p => p.Account).Distinct().Count() != postings.Count)
        {
            throw new DomainException("TimeBank.Postings", ErrorKind.Validation, "postings");
        }

        if (postings.Sum(p => p.Minutes) != 0)
        {
            throw new DomainException("TimeBank.Unbalanced", ErrorKind.Validation, "postings");
        }
    }
}

/// <summary>Hours as people read and type them; the ledger counts whole minutes.</summary>
public static class Hours
{
    public const decimal Max = 1000m;

    /// <summary>Minutes for a positive number of hours (at most 1,000, at most two decimals); anything else is refused.</summary>
    public static long ToMinutes(decimal hours, string field = "hours")
    {
        if (hours <= 0 || hours > Max || decimal.Round(hours, 2) != hours)
        {
            throw new DomainException("TimeBank.Hours", ErrorKind.Validation, field, Max);
        }

        return (long)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
    }

    public static decimal FromMinutes(long minutes) => Math.Round(minutes / 60m, 2);

    public static string Format(long minutes) => FromMinutes(minutes).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
