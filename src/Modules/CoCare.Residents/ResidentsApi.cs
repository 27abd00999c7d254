using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Assessments;
using CoCare.Residents.Features.CollectiveIssues;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Features.Import;
using CoCare.Residents.Features.Needs;
using CoCare.Residents.Features.ServiceList;
using CoCare.Residents.Features.VisitPlans;
using CoCare.Residents.Features.Visits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Residents;

/// <summary>REST endpoints of the Residents module under /api/v1/residents.</summary>
public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this RouteGroupBuilder api)
    {
        var elders = api.MapGroup("/residents/elders").WithTags("Residents");
        elders.MapGet("/", async ([AsParameters] ListQuery list, string? village, CapabilityLevel? level, ElderHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), village, level, ct)))
            .WithName("ListElders").WithSummary("Elders in the caller's regions, masked; search by name or the last four of the ID number.").RequireAuthorization(ResidentsPolicies.Read);
        elders.MapGet("/{id:guid}", async (Guid id, ElderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetElder").WithSummary("One elder, masked (404 outside the caller's regions).").RequireAuthorization(ResidentsPolicies.Read);
        elders.MapGet("/{id:guid}/record", async (Guid id, ElderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetFullRecordAsync(id, ct)))
            .WithName("GetElderRecord").WithSummary("The full record with ID number, phone and address; the read is written to the audit log.").RequireAuthorization(ResidentsPolicies.Manage);
        elders.MapPost("/", async (SaveElder request, ElderHandlers h, CancellationToken ct) =>
            {
                var elder = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/residents/elders/{elder.Id}", elder);
            })
            .WithName("CreateElder").WithSummary("Add an elder; the ID number is verified (GB 11643) and must agree with birth date and gender.").RequireAuthorization(ResidentsPolicies.Manage);
        elders.MapPut("/{id:guid}", async (Guid id, SaveElder request, ElderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdateElder").WithSummary("Change an elder's record; send the version you read.").RequireAuthorization(ResidentsPolicies.Manage);
        elders.MapPost("/{id:guid}/consents", async (Guid id, ChangeConsent request, ElderHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ChangeConsentAsync(id, request, ct)))
            .WithName("ChangeElderConsent").WithSummary("Record a consent given or withdrawn (basic data, health data, photos); without health-data consent assessments are hidden.").RequireAuthorization(ResidentsPolicies.Manage);
        elders.MapGet("/{id:guid}/assessments", async (Guid id, AssessmentHandlers h, CancellationToken ct) => TypedResults.Ok(await h.HistoryAsync(id, ct)))
            .WithName("ListAssessments").WithSummary("An elder's capability assessments, newest first.").RequireAuthorization(ResidentsPolicies.Read);
        elders.MapPost("/{id:guid}/assessments", async (Guid id, RecordAssessment request, AssessmentHandlers h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/residents/elders/{id}/assessments", await h.RecordAsync(id, request, ct)))
            .WithName("RecordAssessment").WithSummary("Record a GB/T 42195-2022 assessment by two assessors; the level is computed.").RequireAuthorization(ResidentsPolicies.Manage);
        elders.MapGet("/{id:guid}/needs", async (Guid id, [AsParameters] ListQuery list, NeedStatus? status, NeedHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), id, status, null, ct)))
            .WithName("ListElderNeeds").WithSummary("An elder's needs, most urgent first.").RequireAuthorization(ResidentsPolicies.Read);
        elders.MapPost("/{id:guid}/needs", async (Guid id, RecordNeed request, NeedHandlers h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/residents/elders/{id}/needs", await h.RecordAsync(id, request, ct)))
            .WithName("RecordNeed").WithSummary("Record a need heard by phone, at the canteen, from the association, the elder or family.").RequireAuthorization(ResidentsPolicies.Manage);

        var needs = api.MapGroup("/residents/needs").WithTags("Residents");
        needs.MapGet("/", async ([AsParameters] ListQuery list, NeedStatus? status, NeedCategory? category, NeedHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), null, status, category, ct)))
            .WithName("ListNeeds").WithSummary("Needs in the caller's regions by status and category; search the elder's name or the detail; sort by urgency, recorded, category, status or elder.").RequireAuthorization(ResidentsPolicies.Read);
        needs.MapGet("/board", async (NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.BoardAsync(ct)))
            .WithName("NeedsBoard").WithSummary("How many needs there are per category and status in the caller's regions.").RequireAuthorization(ResidentsPolicies.Read);
        needs.MapGet("/{id:guid}", async (Guid id, NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetNeed").WithSummary("One need (404 outside the caller's regions).").RequireAuthorization(ResidentsPolicies.Read);
        needs.MapPost("/{id:guid}/plan", async (Guid id, NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PlanAsync(id, ct)))
            .WithName("PlanNeed").WithSummary("Open → Planned.").RequireAuthorization(ResidentsPolicies.Manage);
        needs.MapPost("/{id:guid}/start", async (Guid id, NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.StartAsync(id, ct)))
            .WithName("StartNeedService").WithSummary("Planned → BeingServed.").RequireAuthorization(ResidentsPolicies.Manage);
        needs.MapPost("/{id:guid}/met", async (Guid id, NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.MetAsync(id, ct)))
            .WithName("MeetNeed").WithSummary("BeingServed → Met.").RequireAuthorization(ResidentsPolicies.Manage);
        needs.MapPost("/{id:guid}/close-unmet", async (Guid id, CloseNeed request, NeedHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CloseUnmetAsync(id, request, ct)))
            .WithName("CloseNeedUnmet").WithSummary("Close an open need as unmet, with a reason.").RequireAuthorization(ResidentsPolicies.Manage);

        var visits = api.MapGroup("/residents/visits").WithTags("Residents");
        visits.MapGet("/", async ([AsParameters] ListQuery list, DateOnly? from, DateOnly? to, VisitHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), from, to, ct)))
            .WithName("ListVisits").WithSummary("Home visits in the caller's regions, newest first.").RequireAuthorization(ResidentsPolicies.Read);
        visits.MapGet("/overdue-follow-ups", async (VisitHandlers h, CancellationToken ct) => TypedResults.Ok(await h.OverdueFollowUpsAsync(ct)))
            .WithName("ListOverdueFollowUps").WithSummary("Visits whose follow-up date has passed without a follow-up.").RequireAuthorization(ResidentsPolicies.Read);
        visits.MapGet("/{id:guid}", async (Guid id, VisitHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetVisit").WithSummary("One home visit with the needs found at it.").RequireAuthorization(ResidentsPolicies.Read);
        visits.MapPost("/", async (RecordVisit request, VisitHandlers h, CancellationToken ct) =>
            {
                var visit = await h.RecordAsync(request, ct);
                return TypedResults.Created($"/api/v1/residents/visits/{visit.Id}", visit);
            })
            .WithName("RecordVisit").WithSummary("Record a home visit: participants, elders seen, observations, follow-up date and the needs found.").RequireAuthorization(ResidentsPolicies.Manage);
        visits.MapPost("/{id:guid}/followed-up", async (Guid id, VisitHandlers h, CancellationToken ct) => TypedResults.Ok(await h.MarkFollowedUpAsync(id, ct)))
            .WithName("MarkVisitFollowedUp").WithSummary("Mark a visit's follow-up as done.").RequireAuthorization(ResidentsPolicies.Manage);
        var issues = api.MapGroup("/residents/collective-issues").WithTags("Residents");
        issues.MapGet("/", async (CollectiveIssueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListCollectiveIssues").WithSummary("Collective issues in the caller's regions, newest first.").RequireAuthorization(ResidentsPolicies.Read);
        issues.MapPost("/", async (MergeNeeds request, CollectiveIssueHandlers h, CancellationToken ct) =>
            {
                var issue = await h.MergeAsync(request, ct);
                return TypedResults.Created($"/api/v1/residents/collective-issues/{issue.Id}", issue);
            })
            .WithName("MergeNeeds").WithSummary("Merge two or more needs of one village into a collective issue, with its supporters.").RequireAuthorization(ResidentsPolicies.Read);
        issues.MapPost("/{id:guid}/support", async (Guid id, SupportIssue request, CollectiveIssueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SupportAsync(id, request, ct)))
            .WithName("SupportCollectiveIssue").WithSummary("Add a supporter to an open collective issue.").RequireAuthorization(ResidentsPolicies.Read);
        issues.MapPost("/{id:guid}/route-to-service-list", async (Guid id, CollectiveIssueHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RouteToServiceListAsync(id, ct)))
            .WithName("RouteCollectiveIssue").WithSummary("Send an open collective issue to the service list.").RequireAuthorization(ResidentsPolicies.Read);

        var list = api.MapGroup("/residents/service-list").WithTags("Residents");
        list.MapGet("/", async ([AsParameters] ListQuery query, ServiceListStatus? status, string? village, ServiceListHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(query.ToPageRequest(), status, village, ct)))
            .WithName("ListServiceList").WithSummary("Service-list items in the caller's regions; sort by created, title or status.").RequireAuthorization(ResidentsPolicies.Read);
        list.MapGet("/{id:guid}", async (Guid id, ServiceListHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetServiceListItem").WithSummary("One service-list item.").RequireAuthorization(ResidentsPolicies.Read);
        list.MapPost("/", async (SaveServiceListItem request, ServiceListHandlers h, CancellationToken ct) =>
            {
                var item = await h.ProposeAsync(request, ct);
                return TypedResults.Created($"/api/v1/residents/service-list/{item.Id}", item);
            })
            .WithName("ProposeServiceListItem").WithSummary("A provider proposes an item answering open needs (or a collective issue) of one village.").RequireAuthorization(ResidentsPolicies.Manage);
        list.MapPut("/{id:guid}", async (Guid id, SaveServiceListItem request, ServiceListHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReviseAsync(id, request, ct)))
            .WithName("ReviseServiceListItem").WithSummary("Revise a proposed or returned item; it goes back for review.").RequireAuthorization(ResidentsPolicies.Manage);
        list.MapPost("/{id:guid}/approve", async (Guid id, ReviewServiceListItem request, ServiceListHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ApproveAsync(id, request, ct)))
            .WithName("ApproveServiceListItem").WithSummary("The village committee approves an item; its open needs become planned.").RequireAuthorization(ResidentsPolicies.Manage);
        list.MapPost("/{id:guid}/return", async (Guid id, ReviewServiceListItem request, ServiceListHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReturnAsync(id, request, ct)))
            .WithName("ReturnServiceListItem").WithSummary("The village committee returns an item with a reason.").RequireAuthorization(ResidentsPolicies.Manage);
        api.MapGet("/residents/match-rate", async (string? region, DateOnly? from, DateOnly? to, MatchRateQuery h, CancellationToken ct) =>
                TypedResults.Ok(await h.ForCallerAsync(region, from, to, ct)))
            .WithTags("Residents").WithName("GetMatchRate")
            .WithSummary("Needs recorded in the period by state and the match rate (answered by a delivered service ÷ recorded) for a region in the caller's scope.")
            .RequireAuthorization(ResidentsPolicies.Read);

        var plans = api.MapGroup("/residents/visit-plans").WithTags("Residents");
        plans.MapGet("/", async (DateOnly? week, VisitPlanHandlers h, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await h.WeekAsync(week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)))
            .WithName("GetVisitPlan").WithSummary("A week's planned households (visited or not) and each worker's count against the plan.").RequireAuthorization(ResidentsPolicies.Read);
        plans.MapPost("/", async (PlanVisits request, VisitPlanHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PlanAsync(request, ct)))
            .WithName("PlanVisits").WithSummary("Plan households for a week (weekStart is a Monday) and who goes; planning a household again changes who goes.").RequireAuthorization(ResidentsPolicies.Manage);
        plans.MapDelete("/{id:guid}", async (Guid id, VisitPlanHandlers h, CancellationToken ct) =>
            {
                await h.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemovePlannedVisit").WithSummary("Take a household off a week's plan.").RequireAuthorization(ResidentsPolicies.Manage);

        var imports = api.MapGroup("/residents/imports").WithTags("Residents");
        imports.MapPost("/", async (IFormFile file, [FromForm] bool? consentConfirmed, RosterImportHandlers h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var result = await h.ImportAsync(content, file.FileName, consentConfirmed == true, ct);
                return TypedResults.Created($"/api/v1/residents/imports/{result.Id}", result);
            })
            .WithName("ImportRoster")
            .WithSummary("Import elders from a CSV (UTF-8 or GBK) or XLSX roster; refused rows come back with row number and reason. Send consentConfirmed=true to confirm the people listed agreed to basic data being kept.")
            .RequireAuthorization(ResidentsPolicies.Manage)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RosterImportHandlers.MaxBytes + 64 * 1024));
        imports.MapGet("/", async ([AsParameters] ListQuery list, RosterImportHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), ct)))
            .WithName("ListRosterImports").WithSummary("One's roster imports, newest first (all of them for an administrator).").RequireAuthorization(ResidentsPolicies.Manage);
        imports.MapGet("/{id:guid}/report", async (Guid id, RosterImportHandlers h, CancellationToken ct) =>
            {
                var (name, content) = await h.OpenReportAsync(id, ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", name);
            })
            .WithName("GetRosterImportReport").WithSummary("The refused rows of an import as CSV: row number, masked ID number, reason.").RequireAuthorization(ResidentsPolicies.Manage);
        return api;
    }

    /// <summary>Downloads for the signed-in browser (cookie), outside /api.</summary>
    public static IEndpointRouteBuilder MapResidentsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/residents/imports/{id:guid}/report", async (Guid id, RosterImportHandlers h, CancellationToken ct) =>
            {
                var (name, content) = await h.OpenReportAsync(id, ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(ResidentsPolicies.Manage)
            .ExcludeFromDescription();
        return app;
    }
}
