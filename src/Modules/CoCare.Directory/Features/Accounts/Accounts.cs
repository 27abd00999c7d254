using CoCare.Data;
using CoCare.Data.Identity;
using CoCare.Directory.Domain;
using CoCare.Directory.Domain.Rules;
using CoCare.Directory.Resources;
using CoCare.Kernel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Directory.Features.Accounts;

public sealed record MembershipDto(Guid Id, string AccountId, Guid OrganizationId, string OrganizationName, string Role, string ScopeRegionCode, bool IsActive);

public sealed record AccountDto(string Id, string UserName, string DisplayName, Guid? PersonId, bool IsActive, bool IsLockedOut, long Version, IReadOnlyList<MembershipDto> Memberships);

public sealed record CreateAccount(string UserName, string DisplayName, string Password, Guid? PersonId = null);

public sealed record UpdateAccount(string DisplayName, Guid? PersonId, long Version);

public sealed record CreateMembership(Guid OrganizationId, string Role, string? ScopeRegionCode = null);

public sealed record UpdateMembership(string Role, string ScopeRegionCode);

public sealed class CreateAccountValidator : AbstractValidator<CreateAccount>
{
    public CreateAccountValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._@-]+$").WithMessage(s["Account.UserNameChars"]).WithName(s["Field.UserName"]);
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(100).WithName(s["Field.DisplayName"]);
        RuleFor(r => r.Password).NotEmpty().WithName(s["Field.Password"]);
    }
}

public sealed class UpdateAccountValidator : AbstractValidator<UpdateAccount>
{
    public UpdateAccountValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(100).WithName(s["Field.DisplayName"]);
    }
}

public sealed class CreateMembershipValidator : AbstractValidator<CreateMembership>
{
    public CreateMembershipValidator(IStringLocalizer<DirectoryText> s)
    {
        RuleFor(r => r.OrganizationId).NotEmpty().WithName(s["Field.Organization"]);
        RuleFor(r => r.Role).Must(Roles.IsKnown).WithMessage(s["Membership.UnknownRole"]).WithName(s["Field.Role"]);
        RuleFor(r => r.ScopeRegionCode).Matches("^[0-9]{12}$").When(r => r.ScopeRegionCode is not null).WithMessage(s["Region.CodeMalformed"]);
    }
}

/// <summary>Accounts and memberships: managed by platform administrators only.</summary>
public sealed class AccountHandlers(
    AppDbContext db,
    CurrentActor actor,
    UserManager<UserAccount> users,
    TimeProvider clock,
    IStringLocalizer<DirectoryText> s,
    IValidator<CreateAccount> createValidator,
    IValidator<UpdateAccount> updateValidator,
    IValidator<CreateMembership> membershipValidator)
{
    private static readonly Sorting<UserAccount> Sorts = new Sorting<UserAccount>("userName")
        .Add("userName", u => u.UserName).Add("displayName", u => u.DisplayName).Add("createdAt", u => u.CreatedAt);

    public async Task<Page<AccountDto>> ListAsync(PageRequest paging, bool includeInactive, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var q = db.Users.AsNoTracking();
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(u => EF.Functions.Like(u.UserName!, like, "\\") || EF.Functions.Like(u.DisplayName, like, "\\"));
        }

        if (!includeInactive)
        {
            q = q.Where(u => u.IsActive);
        }

        var total = await q.CountAsync(ct);
        var accounts = await Sorts.Apply(q, paging).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var memberships = await Memberships(db.Set<Membership>().Where(m => ids.Contains(m.AccountId))).ToListAsync(ct);
        var items = accounts.Select(a => ToDto(a, memberships.Where(m => m.AccountId == a.Id).ToList())).ToList();
        return new Page<AccountDto>(items, total, paging.PageNumber, paging.PageSize);
    }

    public async Task<AccountDto> GetAsync(string id, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw DomainException.NotFound("Account.NotFound", id);
        var memberships = await Memberships(db.Set<Membership>().Where(m => m.AccountId == id)).ToListAsync(ct);
        return ToDto(account, memberships);
    }

    public async Task<AccountDto> CreateAsync(CreateAccount request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        await createValidator.ValidateAndThrowAsync(request, ct);
        if (await users.FindByNameAsync(request.UserName) is not null)
        {
            throw DomainException.Conflict("Account.DuplicateUserName", "userName", request.UserName);
        }

        await CheckPersonAsync(request.PersonId, ct);
        var account = new UserAccount
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName.Trim(),
            PersonId = request.PersonId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(account, request.Password);
        ThrowIfFailed(result);
        return await GetAsync(account.Id, ct);
    }

    public async Task<AccountDto> UpdateAsync(string id, UpdateAccount request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        await updateValidator.ValidateAndThrowAsync(request, ct);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw DomainException.NotFound("Account.NotFound", id);
        await CheckPersonAsync(request.PersonId, ct);
        db.ExpectVersion(account, request.Version);
        account.DisplayName = request.DisplayName.Trim();
        account.PersonId = request.PersonId;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A deactivated account cannot sign in, and its cookies stop working at the next security-stamp check.</summary>
    public async Task<AccountDto> SetActiveAsync(string id, bool active, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var account = await users.FindByIdAsync(id) ?? throw DomainException.NotFound("Account.NotFound", id);
        account.IsActive = active;
        ThrowIfFailed(await users.UpdateAsync(account));
        ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        return await GetAsync(id, ct);
    }

    public async Task<AccountDto> SetPasswordAsync(string id, string password, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var account = await users.FindByIdAsync(id) ?? throw DomainException.NotFound("Account.NotFound", id);
        foreach (var validator in users.PasswordValidators)
        {
            ThrowIfFailed(await validator.ValidateAsync(users, account, password));
        }

        ThrowIfFailed(await users.RemovePasswordAsync(account));
        ThrowIfFailed(await users.AddPasswordAsync(account, password));
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return await GetAsync(id, ct);
    }

    public async Task<MembershipDto> AddMembershipAsync(string accountId, CreateMembership request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        await membershipValidator.ValidateAndThrowAsync(request, ct);
        if (!await db.Users.AnyAsync(u => u.Id == accountId, ct))
        {
            throw DomainException.NotFound("Account.NotFound", accountId);
        }

        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganizationId, ct)
            ?? throw new DomainException("Organization.Unknown", ErrorKind.Validation, "organizationId");
        var scope = request.ScopeRegionCode ?? organization.RegionCode;
        if (!await db.Set<Region>().AnyAsync(r => r.Code == scope, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "scopeRegionCode", scope);
        }

        if (await db.Set<Membership>().AnyAsync(m => m.AccountId == accountId && m.OrganizationId == organization.Id && m.Role == request.Role, ct))
        {
            throw DomainException.Conflict("Membership.Duplicate", "role");
        }

        var membership = new Membership(accountId, organization.Id, request.Role, scope);
        db.Add(membership);
        await db.SaveChangesAsync(ct);
        await RefreshStampAsync(accountId);
        return await Memberships(db.Set<Membership>().Where(m => m.Id == membership.Id)).FirstAsync(ct);
    }

    public async Task<MembershipDto> UpdateMembershipAsync(string accountId, Guid membershipId, UpdateMembership request, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!Roles.IsKnown(request.Role))
        {
            throw new DomainException("Membership.UnknownRole", ErrorKind.Validation, "role");
        }

        if (!RegionCode.IsWellFormed(request.ScopeRegionCode) || !await db.Set<Region>().AnyAsync(r => r.Code == request.ScopeRegionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "scopeRegionCode", request.ScopeRegionCode ?? "");
        }

        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == membershipId && m.AccountId == accountId, ct)
            ?? throw DomainException.NotFound("Membership.NotFound", membershipId);
        if (membership.Role != request.Role && await db.Set<Membership>().AnyAsync(m => m.AccountId == accountId && m.OrganizationId == membership.OrganizationId && m.Role == request.Role, ct))
        {
            throw DomainException.Conflict("Membership.Duplicate", "role");
        }

        membership.Change(request.Role, request.ScopeRegionCode);
        await db.SaveChangesAsync(ct);
        await RefreshStampAsync(accountId);
        return await Memberships(db.Set<Membership>().Where(m => m.Id == membershipId)).FirstAsync(ct);
    }

    public async Task<MembershipDto> SetMembershipActiveAsync(string accountId, Guid membershipId, bool active, CancellationToken ct)
    {
        Permissions.RequireAdministrator(actor);
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == membershipId && m.AccountId == accountId, ct)
            ?? throw DomainException.NotFound("Membership.NotFound", membershipId);
        membership.SetActive(active);
        await db.SaveChangesAsync(ct);
        await RefreshStampAsync(accountId);
        return await Memberships(db.Set<Membership>().Where(m => m.Id == membershipId)).FirstAsync(ct);
    }

    private async Task RefreshStampAsync(string accountId)
    {
        // Roles live in the sign-in cookie; a new stamp makes the next validation rebuild them.
        if (await users.FindByIdAsync(accountId) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
        }
    }

    private async Task CheckPersonAsync(Guid? personId, CancellationToken ct)
    {
        if (personId is { } id && !await db.Set<Person>().AnyAsync(p => p.Id == id, ct))
        {
            throw new DomainException("Person.Unknown", ErrorKind.Validation, "personId");
        }
    }

    private IQueryable<MembershipDto> Memberships(IQueryable<Membership> q) =>
        q.AsNoTracking().OrderBy(m => m.Role).Select(m => new MembershipDto(m.Id, m.AccountId, m.OrganizationId,
            db.Set<Organization>().Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First(), m.Role, m.ScopeRegionCode, m.IsActive));

    private AccountDto ToDto(UserAccount a, IReadOnlyList<MembershipDto> memberships) =>
        new(a.Id, a.UserName!, a.DisplayName, a.PersonId, a.IsActive, a.LockoutEnd > clock.GetUtcNow(), a.Version, memberships);

    private void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var failures = result.Errors.Select(e => new ValidationFailure(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName",
            e.Description)).ToList();
        throw new ValidationException(s["Account.Invalid"], failures);
    }
}
