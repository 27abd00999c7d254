using CoCare.Kernel;
using CoCare.Services.Domain;
using CoCare.Services.Features.Canteen;
using CoCare.Services.Features.Catalogue;
using CoCare.Services.Features.Orders;
using CoCare.Services.Features.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

        var canteens = api.MapGroup("/services/canteens").WithTags("Canteens");
        canteens.MapGet("/", async (CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListPointsAsync(ct)))
            .WithName("ListServicePoints").WithSummary("Service points (canteens) serving the caller's regions.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapPost("/", async (SaveServicePoint request, CanteenHandlers h, CancellationToken ct) =>
            {
                var point = await h.SavePointAsync(null, request, ct);
                return TypedResults.Created($"/api/v1/services/canteens/{point.Id}", point);
            })
            .WithName("AddServicePoint").WithSummary("Open a service point: name, region served, place, seats and opening sessions (Beijing time).").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapGet("/{id:guid}", async (Guid id, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetPointAsync(id, ct)))
            .WithName("GetServicePoint").WithSummary("One service point with its sessions and seats.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapPut("/{id:guid}", async (Guid id, SaveServicePoint request, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SavePointAsync(id, request, ct)))
            .WithName("SaveServicePoint").WithSummary("Change a service point; send the version you read.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapGet("/{id:guid}/menu", async (Guid id, DateOnly? day, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetMenuAsync(id, day, ct)))
            .WithName("GetMenu").WithSummary("A day's menu (today when no day is given).").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapPut("/{id:guid}/menu/{day}", async (Guid id, DateOnly day, SaveMenu request, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveMenuAsync(id, day, request, ct)))
            .WithName("SaveMenu").WithSummary("Set a day's dishes, each marked soft or low-salt where it is.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapGet("/{id:guid}/diners", async (Guid id, string? name, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.FindDinersAsync(id, name, ct)))
            .WithName("FindDiners").WithSummary("The counter's search by name among the elders the point serves.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapGet("/{id:guid}/today", async (Guid id, CanteenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.TodayAsync(id, ct)))
            .WithName("CanteenToday").WithSummary("Served, expected and left today, per session, with the latest check-ins.").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapGet("/{id:guid}/checkins", async (Guid id, DateOnly? day, [AsParameters] ListQuery list, CheckInHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(id, day, list.ToPageRequest(), ct)))
            .WithName("ListCheckIns").WithSummary("A day's check-ins at a point (sort: at, elder, paid; q: name).").RequireAuthorization(ServicesPolicies.Read);
        canteens.MapPost("/{id:guid}/checkins", async Task<Results<Created<CheckInResult>, Ok<CheckInResult>>> (Guid id, CheckInRequest request, CheckInHandlers h, CancellationToken ct) =>
            {
                var result = await h.CheckInAsync(id, request, ct);
                return result.Repeated ? TypedResults.Ok(result) : TypedResults.Created($"/api/v1/services/canteens/{id}/checkins/{result.CheckIn.Id}", result);
            })
            .WithName("CheckIn").WithSummary("Record a diner (201), idempotent on checkInId (a repeat answers 200 with the first result). Refusals name the rule.")
            .RequireAuthorization(ServicesPolicies.Read);

        var orders = api.MapGroup("/services/orders").WithTags("Service orders");
        orders.MapGet("/", async ([AsParameters] ListQuery list, OrderStatus? status, bool? mine, bool? flagged, OrderHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), status, mine == true, flagged == true, ct)))
            .WithName("ListOrders").WithSummary("Service orders in the caller's regions or assigned to the caller (mine=true: only those; flagged=true: completed with fraud signals).")
            .RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/", async (CreateOrder request, OrderHandlers h, CancellationToken ct) =>
            {
                var order = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/services/orders/{order.Id}", order);
            })
            .WithName("CreateOrder").WithSummary("Request a service for an elder (from a need, the service list, a phone call, the family or the time bank).").RequireAuthorization(ServicesPolicies.Read);
        orders.MapGet("/{id:guid}", async (Guid id, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetOrder").WithSummary("One service order with its times, confirmation and fraud signals.").RequireAuthorization(ServicesPolicies.Read);
        orders.MapGet("/{id:guid}/candidates", async (Guid id, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CandidatesAsync(id, ct)))
            .WithName("OrderCandidates").WithSummary("Who may be given the order: staff whose scope holds the elder's village, then volunteers of the village with the skill the service asks of volunteers.")
            .RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/assign", async (Guid id, AssignOrder request, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AssignAsync(id, request, ct)))
            .WithName("AssignOrder").WithSummary("Assign to a worker or volunteer (their account id); refused (400) unless they are staff in the village's scope or a volunteer of the village with the service's skill, and (409) when it overlaps another open order of theirs.").RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/accept", async (Guid id, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AcceptAsync(id, ct)))
            .WithName("AcceptOrder").WithSummary("The assigned worker accepts.").RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/check-in", async (Guid id, OrderTimestamp request, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CheckInAsync(id, request, ct)))
            .WithName("CheckInOrder").WithSummary("The worker arrives: time (now when left out) and GPS when the phone gives it.").RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/check-out", async (Guid id, OrderTimestamp request, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CheckOutAsync(id, request, ct)))
            .WithName("CheckOutOrder").WithSummary("The worker leaves: after the check-in, not in the future.").RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/complete", async (Guid id, CompleteOrder request, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CompleteAsync(id, request, ct)))
            .WithName("CompleteOrder").WithSummary("Completed with the elder's card code (the worker) or a staff countersignature (someone else); fraud signals are stored.")
            .RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/cancel", async (Guid id, CancelOrder request, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CancelAsync(id, request, ct)))
            .WithName("CancelOrder").WithSummary("Cancel with a reason (before the work starts).").RequireAuthorization(ServicesPolicies.Read);
        orders.MapPost("/{id:guid}/no-show", async (Guid id, OrderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.NoShowAsync(id, ct)))
            .WithName("NoShowOrder").WithSummary("The elder was not there.").RequireAuthorization(ServicesPolicies.Read);

        var routes = api.MapGroup("/services/routes").WithTags("Service orders");
        routes.MapPost("/plan", async (PlanRoutes request, RoutePlanHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PlanAsync(request, ct)))
            .WithName("PlanRoutes").WithSummary("Plan a day's rounds from a service point for the workers on shift (OR-Tools); unreachable orders come back with the reason.")
            .RequireAuthorization(ServicesPolicies.Read);
        routes.MapPost("/accept", async (AcceptRoutes request, RoutePlanHandlers h, CancellationToken ct) => TypedResults.Ok(new { assigned = await h.AcceptAsync(request, ct) }))
            .WithName("AcceptRoutes").WithSummary("Accept a plan: each worker's orders are assigned to them (all or nothing).").RequireAuthorization(ServicesPolicies.Read);
        return api;
    }
}
