using System.Security.Claims;
using CoCare.Data;
using CoCare.Data.Identity;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCare.Directory.Features.Accounts;

/// <summary>Puts an account's active memberships into its principal: roles, organizations and scope regions.</summary>
public sealed class AccountClaims(
    UserManager<UserAccount> users,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CoCareClaims.AccountId, user.Id));
        identity.AddClaim(new Claim("name_display", user.DisplayName));
        var memberships = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.AccountId == user.Id && m.IsActive)
            .Join(db.Set<Organization>().Where(o => o.IsActive), m => m.OrganizationId, o => o.Id, (m, o) => m)
            .OrderBy(m => m.Role)
            .ToListAsync();
        foreach (var membership in memberships)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, membership.Role));
            identity.AddClaim(new Claim(CoCareClaims.Organization, membership.OrganizationId.ToString()));
            identity.AddClaim(new Claim(CoCareClaims.ScopeRegion, membership.ScopeRegionCode));
            identity.AddClaim(new Claim(CoCareClaims.Membership, CoCareClaims.MembershipValue(membership.Role, membership.OrganizationId)));
        }

        return identity;
    }
}

/// <summary>Adapts <see cref="Domain.Rules.PasswordPolicy"/> to ASP.NET Core Identity.</summary>
public sealed class PolicyPasswordValidator(Domain.Rules.PasswordPolicy policy, Microsoft.Extensions.Localization.IStringLocalizer<Resources.DirectoryText> s)
    : IPasswordValidator<UserAccount>
{
    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var broken = policy.Check(password);
        return Task.FromResult(broken.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(broken.Select(key => new IdentityError
            {
                Code = key,
                Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, s[key], policy.MinLength, policy.MinCharacterClasses),
            }).ToArray()));
    }
}
