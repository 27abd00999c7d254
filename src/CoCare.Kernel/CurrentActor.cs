using System.Security.Claims;

namespace CoCare.Kernel;

/// <summary>Claim types CoCare adds to a signed-in principal.</summary>
public static class CoCareClaims
{
    public const string AccountId = "cocare:account";
    public const string Organization = "cocare:org";
    public const string ScopeRegion = "cocare:scope";

    /// <summary>One membership: "Role|organization id", so a role counts only in the organization that granted it.</summary>
    public const string Membership = "cocare:membership";

    public static string MembershipValue(string role, Guid organizationId) => role + "|" + organizationId.ToString("D");
}

/// <summary>
/// Who is acting in the current request or Blazor circuit. The host sets <see cref="Principal"/>
/// for the current asynchronous flow (per request, per circuit activity); modules read it for scope
/// checks and the audit log records it. Registered once as a singleton.
/// </summary>
public sealed class CurrentActor
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private readonly AsyncLocal<ClaimsPrincipal?> current = new();

    public ClaimsPrincipal Principal
    {
        get => current.Value ?? Anonymous;
        set => current.Value = value;
    }

    /// <summary>Acts as <paramref name="principal"/> until the returned scope is disposed (background work, seeding).</summary>
    public IDisposable ActAs(ClaimsPrincipal principal)
    {
        var previous = current.Value;
        current.Value = principal;
        return new Restore(this, previous);
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? AccountId => Principal.FindFirst(CoCareClaims.AccountId)?.Value;

    public string? UserName => Principal.Identity?.Name;

    public IReadOnlyList<Guid> OrganizationIds =>
        Principal.FindAll(CoCareClaims.Organization).Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToList();

    public Guid? PrimaryOrganizationId => OrganizationIds.Count > 0 ? OrganizationIds[0] : null;

    /// <summary>Region codes whose subtree this actor may see.</summary>
    public IReadOnlyList<string> ScopeRegions => Principal.FindAll(CoCareClaims.ScopeRegion).Select(c => c.Value).Distinct().ToList();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>The significant digits of each scope region ("450226" for a county), for subtree queries.</summary>
    public IReadOnlyList<string> ScopePrefixes => RegionCode.Prefixes(ScopeRegions);

    /// <summary>True for a platform administrator, or when <paramref name="regionCode"/> lies in one of the scope regions.</summary>
    public bool Covers(string regionCode) => IsPlatformAdmin || ScopeRegions.Any(scope => RegionCode.IsWithin(regionCode, scope));

    /// <summary>True when a membership grants <paramref name="role"/> in <paramref name="organizationId"/> itself.</summary>
    public bool HasRoleIn(string role, Guid organizationId) =>
        Principal.HasClaim(CoCareClaims.Membership, CoCareClaims.MembershipValue(role, organizationId));

    /// <summary>The organizations in which a membership grants <paramref name="role"/>.</summary>
    public IReadOnlyList<Guid> OrganizationsWithRole(string role) =>
        Principal.FindAll(CoCareClaims.Membership).Select(c => c.Value.Split('|')).Where(p => p.Length == 2 && p[0] == role && Guid.TryParse(p[1], out _))
            .Select(p => Guid.Parse(p[1])).Distinct().ToList();

    public bool IsPlatformAdmin => IsInRole(Roles.PlatformAdmin);

    private sealed class Restore(CurrentActor actor, ClaimsPrincipal? previous) : IDisposable
    {
        public void Dispose() => actor.current.Value = previous;
    }
}
