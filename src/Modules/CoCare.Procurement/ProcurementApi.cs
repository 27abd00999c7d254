using CoCare.Kernel;
using CoCare.Procurement.Domain;
using CoCare.Procurement.Features.Applications;
using CoCare.Procurement.Features.Calls;
using CoCare.Procurement.Features.Contracts;
using CoCare.Procurement.Features.Ocds;
using CoCare.Procurement.Features.Projects;
using CoCare.Procurement.Features.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Procurement;

/// <summary>REST endpoints of the Procurement module under /api/v1/procurement, and the public OCDS feed.</summary>
public static class ProcurementApi
{
    public static RouteGroupBuilder MapProcurementApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/procurement").WithTags("Procurement");

        var projects = group.MapGroup("/projects");
        projects.MapGet("/", async ([AsParameters] ListQuery list, ProjectStatus? status, ProjectHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), status, ct)))
            .WithName("ListProjects").WithSummary("List purchase projects: the caller's drafts and every published one.").RequireAuthorization(ProcurementPolicies.Read);
        projects.MapGet("/{id:guid}", async (Guid id, ProjectHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetProject").WithSummary("Get a purchase project with its terms, call and award.").RequireAuthorization(ProcurementPolicies.Read);
        projects.MapPost("/", async (SaveProject request, ProjectHandlers h, CancellationToken ct) =>
            {
                var project = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/procurement/projects/{project.Id}", project);
            })
            .WithName("CreateProject").WithSummary("Create a draft purchase project (budget, items, KPI targets, payment phases, evaluation plan).").RequireAuthorization(ProcurementPolicies.Purchase);
        projects.MapPut("/{id:guid}", async (Guid id, SaveProject request, ProjectHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdateProject").WithSummary("Change a draft project; send the version you read.").RequireAuthorization(ProcurementPolicies.Purchase);
        projects.MapPost("/{id:guid}/call", async (Guid id, PublishCall request, ProjectHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PublishCallAsync(id, request, ct)))
            .WithName("PublishCall").WithSummary("Publish the project's call for proposals with a deadline.").RequireAuthorization(ProcurementPolicies.Purchase);
        projects.MapGet("/{id:guid}/applications", async (Guid id, ApplicationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListForProjectAsync(id, ct)))
            .WithName("ListApplications").WithSummary("Applications to a project: all for the purchaser, one's own for a provider.").RequireAuthorization(ProcurementPolicies.Read);
        projects.MapPost("/{id:guid}/applications", async (Guid id, SaveApplication request, ApplicationHandlers h, CancellationToken ct) =>
            {
                var application = await h.SubmitAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/procurement/applications/{application.Id}", application);
            })
            .WithName("SubmitApplication").WithSummary("Submit a proposal to a published call before its deadline.").RequireAuthorization(ProcurementPolicies.Apply);
        projects.MapGet("/{id:guid}/ranking", async (Guid id, ReviewHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RankingAsync(id, ct)))
            .WithName("GetRanking").WithSummary("The applications ranked by their reviewers' weighted scores.").RequireAuthorization(ProcurementPolicies.Read);
        projects.MapPost("/{id:guid}/award", async (Guid id, AwardProject request, ReviewHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AwardAsync(id, request, ct)))
            .WithName("AwardProject").WithSummary("Award the project to one application with a reason; applicants are told in-app.").RequireAuthorization(ProcurementPolicies.Purchase);
        projects.MapPost("/{id:guid}/contract", async (Guid id, ContractHandlers h, CancellationToken ct) =>
            {
                var contract = await h.CreateFromAwardAsync(id, ct);
                return TypedResults.Created($"/api/v1/procurement/contracts/{contract.Id}", contract);
            })
            .WithName("CreateContract").WithSummary("Create the draft contract from the award, copying items, KPI targets and phases.").RequireAuthorization(ProcurementPolicies.Purchase);
        projects.MapGet("/{id:guid}/ocds", async (Guid id, OcdsExport export, HttpRequest request, CancellationToken ct) =>
                TypedResults.Json(await export.ProjectPackageAsync(id, BaseUri(request), ct)))
            .WithName("GetProjectOcds").WithSummary("The project as an OCDS 1.1 release package (public; drafts are not published).").AllowAnonymous();

        var applications = group.MapGroup("/applications");
        applications.MapGet("/{id:guid}", async (Guid id, ApplicationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetApplication").WithSummary("Get an application (applicant, purchaser and overseers only).").RequireAuthorization(ProcurementPolicies.Read);
        applications.MapPut("/{id:guid}", async (Guid id, SaveApplication request, ApplicationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .WithName("UpdateApplication").WithSummary("Edit one's application until the deadline; send the version you read.").RequireAuthorization(ProcurementPolicies.Apply);
        applications.MapPost("/{id:guid}/withdraw", async (Guid id, ApplicationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.WithdrawAsync(id, ct)))
            .WithName("WithdrawApplication").WithSummary("Withdraw one's application before the deadline.").RequireAuthorization(ProcurementPolicies.Apply);
        applications.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile file, ApplicationHandlers h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var attachment = await h.AttachAsync(id, file.FileName, file.ContentType, content, ct);
                return TypedResults.Created($"/api/v1/procurement/applications/{id}/attachments/{attachment.Id}", attachment);
            })
            .WithName("AddAttachment").WithSummary("Attach a file (pdf, docx, xlsx, jpg, png; at most 10 MB) to one's application.")
            .RequireAuthorization(ProcurementPolicies.Apply)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ApplicationHandlers.MaxAttachmentBytes + 64 * 1024));
        applications.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ApplicationHandlers h, CancellationToken ct) =>
            {
                var (attachment, content) = await h.OpenAttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, attachment.ContentType, attachment.FileName);
            })
            .WithName("GetAttachment").WithSummary("Download an attachment of an application one may read.").RequireAuthorization(ProcurementPolicies.Read);
        applications.MapPost("/{id:guid}/scores", async (Guid id, ScoreApplication request, ReviewHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ScoreAsync(id, request, ct)))
            .WithName("ScoreApplication").WithSummary("Score an application on every review criterion (0–100), as one of the purchaser's reviewers.").RequireAuthorization(ProcurementPolicies.Purchase);

        var contracts = group.MapGroup("/contracts");
        contracts.MapGet("/", async ([AsParameters] ListQuery list, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(list.ToPageRequest(), ct)))
            .WithName("ListContracts").WithSummary("Contracts the caller is party to (all, for evaluators and auditors).").RequireAuthorization(ProcurementPolicies.Read);
        contracts.MapGet("/{id:guid}", async (Guid id, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetContract").WithSummary("A contract with its terms in force, versions, phases and KPI targets.").RequireAuthorization(ProcurementPolicies.Read);
        contracts.MapPost("/{id:guid}/sign", async (Guid id, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SignAsync(id, ct)))
            .WithName("SignContract").WithSummary("Sign the contract (or its pending amendment) for one's own side.").RequireAuthorization(ProcurementPolicies.Contract);
        contracts.MapPost("/{id:guid}/activate", async (Guid id, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ActivateAsync(id, ct)))
            .WithName("ActivateContract").WithSummary("Put a signed contract into force.").RequireAuthorization(ProcurementPolicies.Contract);
        contracts.MapPost("/{id:guid}/complete", async (Guid id, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CompleteAsync(id, ct)))
            .WithName("CompleteContract").WithSummary("Close an active contract as completed.").RequireAuthorization(ProcurementPolicies.Contract);
        contracts.MapPost("/{id:guid}/terminate", async (Guid id, TerminateContract request, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.TerminateAsync(id, request, ct)))
            .WithName("TerminateContract").WithSummary("Terminate a contract with a reason.").RequireAuthorization(ProcurementPolicies.Contract);
        contracts.MapPost("/{id:guid}/amendments", async (Guid id, AmendContract request, ContractHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AmendAsync(id, request, ct)))
            .WithName("AmendContract").WithSummary("Propose an amendment (amount, end date, KPI targets) with a reason; both parties then sign it.").RequireAuthorization(ProcurementPolicies.Contract);

        api.MapGet("/ocds/releases", async (DateTime? since, OcdsExport export, HttpRequest request, CancellationToken ct) =>
                TypedResults.Json(await export.ChangedSinceAsync((since ?? DateTime.MinValue).ToUniversalTime(), BaseUri(request), ct)))
            .WithName("ListOcdsReleases").WithSummary("One OCDS release package with every release changed since a date (public).").WithTags("Open data").AllowAnonymous();
        return api;
    }

    /// <summary>Attachment downloads for the back office (sign-in cookie; the same read rules as the API).</summary>
    public static IEndpointRouteBuilder MapProcurementDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/procurement/applications/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ApplicationHandlers h, CancellationToken ct) =>
            {
                var (attachment, content) = await h.OpenAttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, attachment.ContentType, attachment.FileName);
            })
            .RequireAuthorization(ProcurementPolicies.Read)
            .ExcludeFromDescription();
        return app;
    }

    private static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
