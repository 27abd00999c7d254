using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoCare.Data.Audit;

/// <summary>The hash-chain rule of the audit log, in one place for writing and verifying.</summary>
public static class AuditChain
{
    public const string GenesisHash = "";

    /// <summary>A stable text form of everything an entry says except its own hash.</summary>
    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.Sequence,
        e.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.AccountId,
        e.UserName,
        e.OrganizationId?.ToString("D"),
        e.EntityType,
        e.EntityKey,
        e.Action,
        e.Changes,
    });

    public static string ComputeHash(string previousHash, AuditEntry e)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + Canonical(e)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Both databases keep microseconds; the chain hashes exactly what is stored.</summary>
    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Links fresh entries after the last stored one.</summary>
    public static void Link(IEnumerable<AuditEntry> fresh, long lastSequence, string lastHash)
    {
        foreach (var entry in fresh)
        {
            entry.Sequence = ++lastSequence;
            entry.PreviousHash = lastHash;
            entry.Hash = ComputeHash(lastHash, entry);
            lastHash = entry.Hash;
        }
    }
}

/// <summary>Outcome of recomputing the chain: ok, or the first entry that does not match.</summary>
public sealed record AuditVerification(bool Ok, long Entries, long? BrokenSequence = null, string? Reason = null);
