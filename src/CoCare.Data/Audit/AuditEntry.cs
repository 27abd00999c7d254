namespace CoCare.Data.Audit;

/// <summary>
/// One change made through the <see cref="AppDbContext"/>. Entries form a hash chain:
/// <c>Hash = SHA-256(PreviousHash + canonical entry)</c>; the application only ever appends.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime Time { get; set; }

    public string? AccountId { get; set; }

    public string? UserName { get; set; }

    public Guid? OrganizationId { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityKey { get; set; } = "";

    /// <summary>Insert, Update, Delete or Read (a read of a full personal record).</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON object: field → {"old":…,"new":…}; personal fields show only "***".</summary>
    public string Changes { get; set; } = "{}";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
