using CoCare.Services.Features.Catalogue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Services;

/// <summary>REST endpoints of the Services module under /api/v1/services.</summary>
public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder api)
    {
        var catalogue = api.MapGroup("/services/catalogue").WithTags("Services");
        catalogue.MapGet("/", async (bool? includeInactive, CatalogueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListTypesAsync(includeInactive == true, ct)))
            .WithName("ListServiceTypes").WithSummary("The service catalogue: the six helps first, with unit, standard and minimum minutes and list price (fen).").RequireAuthorization(ServicesPolicies.Read);
        catalogue.MapPut("/{code}", async (string code, SaveServiceType request, CatalogueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveTypeAsync(code, request, ct)))
            .WithName("SaveServiceType").WithSummary("Add or change a service type (purchaser or administrator); send the version you read when changing.").RequireAuthorization(ServicesPolicies.Catalogue);
        catalogue.MapGet("/{code}/quote", async (string code, Guid elder, DateOnly? date, CatalogueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.QuoteAsync(code, elder, date, ct)))
            .WithName("QuoteService").WithSummary("What an elder pays for one unit on a day: list price, the subsidy that applies, amount paid.").RequireAuthorization(ServicesPolicies.Read);

        var rules = api.MapGroup("/services/subsidy-rules").WithTags("Services");
        rules.MapGet("/", async (string? serviceType, DateOnly? validOn, CatalogueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListRulesAsync(serviceType, validOn, ct)))
            .WithName("ListSubsidyRules").WithSummary("Subsidy rules, optionally for one service type and those valid on a day.").RequireAuthorization(ServicesPolicies.Read);
        rules.MapPost("/", async (AddSubsidyRule request, CatalogueHandlers h, CancellationToken ct) =>
            {
                var rule = await h.AddRuleAsync(request, ct);
                return TypedResults.Created($"/api/v1/services/subsidy-rules/{rule.Id}", rule);
            })
            .WithName("AddSubsidyRule").WithSummary("Add a subsidy rule; its dates may not overlap another rule for the same service and condition (409).").RequireAuthorization(ServicesPolicies.Catalogue);
        return api;
    }
}
