using CoCare.Directory.Domain;
using CoCare.Directory.Features;
using CoCare.Directory.Features.Accounts;
using CoCare.Directory.Features.Organizations;
using CoCare.Directory.Features.People;
using CoCare.Directory.Features.Regions;
using CoCare.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Directory;

/// <summary>REST endpoints of the Directory module under /api/v1/directory. Thin: bind, authorize, call the handler.</summary>
public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/directory").WithTags("Directory");

        var regions = group.MapGroup("/regions");
        regions.MapGet("/", async ([AsParameters] ListQuery list, string? parent, RegionLevel? level, RegionHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), parent, level, ct)))
            .WithName("ListRegions").WithSummary("List administrative regions (paged, searchable by name or code prefix).").RequireAuthorization(DirectoryPolicies.Read);
        regions.MapGet("/{code}", async (string code, RegionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(code, ct)))
            .WithName("GetRegion").WithSummary("Get one region by its 12-digit code.").RequireAuthorization(DirectoryPolicies.Read);
        regions.MapPost("/", async (CreateRegion request, RegionHandlers h, CancellationToken ct) =>
            {
                var region = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/directory/regions/{region.Code}", region);
            })
            .WithName("CreateRegion").WithSummary("Add a region under its parent (the parent is implied by the code).").RequireAuthorization(DirectoryPolicies.Administer);
        regions.MapPut("/{code}", async (string code, UpdateRegion request, RegionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(code, request, ct)))
            .WithName("UpdateRegion").WithSummary("Rename a region or change its urban/rural kind.").RequireAuthorization(DirectoryPolicies.Administer);
        regions.MapPost("/{code}/deactivate", async (string code, RegionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(code, false, ct)))
            .WithName("DeactivateRegion").WithSummary("Deactivate a region.").RequireAuthorization(DirectoryPolicies.Administer);
        regions.MapPost("/{code}/activate", async (string code, RegionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(code, true, ct)))
            .WithName("ActivateRegion").WithSummary("Activate a region again.").RequireAuthorization(DirectoryPolicies.Administer);

        var organizations = group.MapGroup("/organizations");
        organizations.MapGet("/", async ([AsParameters] ListQuery list, OrganizationType? type, string? region, bool? includeInactive, OrganizationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), type, region, includeInactive ?? false, ct)))
            .WithName("ListOrganizations").WithSummary("List the organizations the caller may see.").RequireAuthorization(DirectoryPolicies.Read);
        organizations.MapGet("/{id:guid}", async (Guid id, OrganizationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetOrganization").WithSummary("Get one organization.").RequireAuthorization(DirectoryPolicies.Read);
        organizations.MapPost("/", async (SaveOrganization request, OrganizationHandlers h, CancellationToken ct) =>
            {
                var organization = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/directory/organizations/{organization.Id}", organization);
            })
            .WithName("CreateOrganization").WithSummary("Create an organization in a region inside the caller's scope.").RequireAuthorization(DirectoryPolicies.Manage);
        organizations.MapPut("/{id:guid}", async (Guid id, SaveOrganization request, OrganizationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdateOrganization").WithSummary("Change an organization; send the version you read.").RequireAuthorization(DirectoryPolicies.Manage);
        organizations.MapPost("/{id:guid}/deactivate", async (Guid id, OrganizationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, false, ct)))
            .WithName("DeactivateOrganization").WithSummary("Deactivate an organization.").RequireAuthorization(DirectoryPolicies.Manage);
        organizations.MapPost("/{id:guid}/activate", async (Guid id, OrganizationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, true, ct)))
            .WithName("ActivateOrganization").WithSummary("Activate an organization again.").RequireAuthorization(DirectoryPolicies.Manage);

        var people = group.MapGroup("/people");
        people.MapGet("/", async ([AsParameters] ListQuery list, Guid? organization, bool? includeInactive, PersonHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), organization, includeInactive ?? false, ct)))
            .WithName("ListPeople").WithSummary("List people in the organizations the caller may see.").RequireAuthorization(DirectoryPolicies.Read);
        people.MapGet("/{id:guid}", async (Guid id, PersonHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetPerson").WithSummary("Get one person.").RequireAuthorization(DirectoryPolicies.Read);
        people.MapPost("/", async (SavePerson request, PersonHandlers h, CancellationToken ct) =>
            {
                var person = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/directory/people/{person.Id}", person);
            })
            .WithName("CreatePerson").WithSummary("Add a person to an organization.").RequireAuthorization(DirectoryPolicies.Manage);
        people.MapPut("/{id:guid}", async (Guid id, SavePerson request, PersonHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdatePerson").WithSummary("Change a person; send the version you read.").RequireAuthorization(DirectoryPolicies.Manage);
        people.MapPost("/{id:guid}/deactivate", async (Guid id, PersonHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, false, ct)))
            .WithName("DeactivatePerson").WithSummary("Deactivate a person.").RequireAuthorization(DirectoryPolicies.Manage);
        people.MapPost("/{id:guid}/activate", async (Guid id, PersonHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, true, ct)))
            .WithName("ActivatePerson").WithSummary("Activate a person again.").RequireAuthorization(DirectoryPolicies.Manage);

        var accounts = group.MapGroup("/accounts").RequireAuthorization(DirectoryPolicies.Administer);
        accounts.MapGet("/", async ([AsParameters] ListQuery list, bool? includeInactive, AccountHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), includeInactive ?? false, ct)))
            .WithName("ListAccounts").WithSummary("List user accounts with their memberships.");
        accounts.MapGet("/{id}", async (string id, AccountHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetAccount").WithSummary("Get one account with its memberships.");
        accounts.MapPost("/", async (CreateAccount request, AccountHandlers h, CancellationToken ct) =>
            {
                var account = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/directory/accounts/{account.Id}", account);
            })
            .WithName("CreateAccount").WithSummary("Create an account with a password that meets the password policy.");
        accounts.MapPut("/{id}", async (string id, UpdateAccount request, AccountHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdateAccount").WithSummary("Change an account's display name or linked person; send the version you read.");
        accounts.MapPost("/{id}/password", async (string id, SetPassword request, AccountHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetPasswordAsync(id, request.Password, ct)))
            .WithName("SetAccountPassword").WithSummary("Set a new password and lift any lockout.");
        accounts.MapPost("/{id}/deactivate", async (string id, AccountHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, false, ct)))
            .WithName("DeactivateAccount").WithSummary("Deactivate an account: it can no longer sign in.");
        accounts.MapPost("/{id}/activate", async (string id, AccountHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SetActiveAsync(id, true, ct)))
            .WithName("ActivateAccount").WithSummary("Activate an account again.");
        accounts.MapPost("/{id}/memberships", async (string id, CreateMembership request, AccountHandlers h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/directory/accounts/{id}", await h.AddMembershipAsync(id, request, ct)))
            .WithName("AddMembership").WithSummary("Give an account a role in an organization, with a scope region.");
        accounts.MapPut("/{id}/memberships/{membershipId:guid}", async (string id, Guid membershipId, UpdateMembership request, AccountHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.UpdateMembershipAsync(id, membershipId, request, ct)))
            .WithName("UpdateMembership").WithSummary("Change a membership's role or scope region.");
        accounts.MapPost("/{id}/memberships/{membershipId:guid}/deactivate", async (string id, Guid membershipId, AccountHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.SetMembershipActiveAsync(id, membershipId, false, ct)))
            .WithName("DeactivateMembership").WithSummary("End a membership.");

        return api;
    }
}

public sealed record SetPassword(string Password);
