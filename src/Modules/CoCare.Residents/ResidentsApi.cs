using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Assessments;
using CoCare.Residents.Features.Elders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        elders.MapGet("/{id:guid}/assessments", async (Guid id, AssessmentHandlers h, CancellationToken ct) => TypedResults.Ok(await h.HistoryAsync(id, ct)))
            .WithName("ListAssessments").WithSummary("An elder's capability assessments, newest first.").RequireAuthorization(ResidentsPolicies.Read);
        elders.MapPost("/{id:guid}/assessments", async (Guid id, RecordAssessment request, AssessmentHandlers h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/residents/elders/{id}/assessments", await h.RecordAsync(id, request, ct)))
            .WithName("RecordAssessment").WithSummary("Record a GB/T 42195-2022 assessment by two assessors; the level is computed.").RequireAuthorization(ResidentsPolicies.Manage);
        return api;
    }
}
