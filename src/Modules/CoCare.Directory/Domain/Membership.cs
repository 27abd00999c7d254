using CoCare.Kernel;

namespace CoCare.Directory.Domain;

/// <summary>
/// Grants an account a role in an organization, and a scope: the region whose subtree the account may see
/// (the organization's own region when none is given).
/// </summary>
public sealed class Membership : Entity
{
    private Membership()
    {
    }

    public Membership(string accountId, Guid organizationId, string role, string scopeRegionCode)
    {
        AccountId = accountId;
        OrganizationId = organizationId;
        Role = role;
        ScopeRegionCode = scopeRegionCode;
    }

    public string AccountId { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public string Role { get; private set; } = "";

    public string ScopeRegionCode { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public void Change(string role, string scopeRegionCode)
    {
        Role = role;
        ScopeRegionCode = scopeRegionCode;
    }

    public void SetActive(bool active) => IsActive = active;
}
