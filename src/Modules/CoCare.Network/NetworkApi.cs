using CoCare.Kernel;
using CoCare.Network.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Network;

/// <summary>REST endpoints of the Network module under /api/v1/network.</summary>
public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/network").WithTags("Network").RequireAuthorization(NetworkPolicies.Read);
        network.MapGet("/contributions", async (Guid? projectId, string? region, [AsParameters] ListQuery list, NetworkHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListContributionsAsync(projectId, region, list.ToPageRequest(), ct)))
            .WithName("ListContributions").WithSummary("Contributions of a project or region (sort: on, value, contributor; q: contributor or description).");
        network.MapPost("/contributions", async (SaveContribution request, NetworkHandlers h, CancellationToken ct) =>
            {
                var c = await h.AddContributionAsync(request, ct);
                return TypedResults.Created($"/api/v1/network/contributions/{c.Id}", c);
            })
            .WithName("AddContribution").WithSummary("Record a contribution: money by source, a space, labour (hours × wage), goods, expertise or publicity, with its value in fen.");
        network.MapGet("/leverage", async (Guid? projectId, string? region, NetworkHandlers h, CancellationToken ct) => TypedResults.Ok(await h.LeverageAsync(projectId, region, ct)))
            .WithName("Leverage").WithSummary("The leverage ratio (valued non-government contributions ÷ government funds) with the sums behind it.");
        network.MapGet("/spaces", async (string? region, NetworkHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListSpacesAsync(region, ct)))
            .WithName("ListSpaces").WithSummary("Spaces (e.g. the drum towers) with area and state.");
        network.MapPost("/spaces", async (SaveSpace request, NetworkHandlers h, CancellationToken ct) =>
            {
                var s = await h.SaveSpaceAsync(null, request, ct);
                return TypedResults.Created($"/api/v1/network/spaces/{s.Id}", s);
            })
            .WithName("AddSpace").WithSummary("Record a space: name, area in m², state (Idle, BeingRestored, InUse) and use.");
        network.MapPut("/spaces/{id:guid}", async (Guid id, SaveSpace request, NetworkHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveSpaceAsync(id, request, ct)))
            .WithName("SaveSpace").WithSummary("Change a space (e.g. restored and in use); send the version you read.");
        network.MapGet("/tasks", async (Guid? projectId, Guid? organizationId, bool? overdue, [AsParameters] ListQuery list, NetworkHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListTasksAsync(projectId, organizationId, overdue == true, list.ToPageRequest(), ct)))
            .WithName("ListTasks").WithSummary("The responsibility list: by project, by organization (responsible or supporting), overdue=true for late ones; by due date.");
        network.MapPost("/tasks", async (SaveTask request, NetworkHandlers h, CancellationToken ct) =>
            {
                var t = await h.SaveTaskAsync(null, request, ct);
                return TypedResults.Created($"/api/v1/network/tasks/{t.Id}", t);
            })
            .WithName("AddTask").WithSummary("Add a task to a project's responsibility list: what, the responsible organization and person, supporters, due date.");
        network.MapPost("/projects/{projectId:guid}/tasks/from-contract", async (Guid projectId, NetworkHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.GenerateTasksAsync(projectId, ct)))
            .WithName("GenerateTasks").WithSummary("Generate the project's responsibility list from its contract's deliverables (provider responsible, purchaser supporting); deliverables already listed are kept as they are.");
        network.MapPut("/tasks/{id:guid}", async (Guid id, SaveTask request, NetworkHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveTaskAsync(id, request, ct)))
            .WithName("SaveTask").WithSummary("Change a task; send the version you read.");
        network.MapPost("/tasks/{id:guid}/report", async (Guid id, ReportTask request, NetworkHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReportTaskAsync(id, request, ct)))
            .WithName("ReportTask").WithSummary("Report progress (the responsible organization or a coordinator); Done needs evidence.");
        network.MapGet("/interactions", async (string? region, Guid? organizationId, [AsParameters] ListQuery list, NetworkHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListInteractionsAsync(region, organizationId, list.ToPageRequest(), ct)))
            .WithName("ListInteractions").WithSummary("Partnership interactions, newest first, optionally of one organization.");
        network.MapPost("/interactions", async (SaveInteraction request, NetworkHandlers h, CancellationToken ct) =>
            {
                var i = await h.AddInteractionAsync(request, ct);
                return TypedResults.Created($"/api/v1/network/interactions/{i.Id}", i);
            })
            .WithName("AddInteraction").WithSummary("Record a joint visit, training, knowledge-sharing session or joint meeting between two or more organizations.");
        return api;
    }
}
