using CoCare.Evaluation.Features.Evaluations;
using CoCare.Evaluation.Features.Expenditures;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Evaluation.Features.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Evaluation;

/// <summary>REST endpoints of the Evaluation &amp; Funds module under /api/v1/evaluation.</summary>
public static class EvaluationApi
{
    public static RouteGroupBuilder MapEvaluationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluation").WithTags("Evaluation").RequireAuthorization(EvaluationPolicies.Read);

        var systems = group.MapGroup("/indicator-systems");
        systems.MapGet("", async (IndicatorSystemHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListIndicatorSystems").WithSummary("Indicator systems: the platform's default template first, then the purchasers' own, newest first.");
        systems.MapGet("/{id:guid}", async (Guid id, IndicatorSystemHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetIndicatorSystem").WithSummary("One indicator system with its tree of indicators.");
        systems.MapPost("", async (CreateIndicatorSystem request, IndicatorSystemHandlers h, CancellationToken ct) =>
            {
                var s = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/evaluation/indicator-systems/{s.Id}", s);
            })
            .WithName("CreateIndicatorSystem").WithSummary("A purchaser's system: a copy of basedOn (e.g. the default template) or the indicators given; weights under a parent must add up to it, the first level to 100.");
        systems.MapPut("/{id:guid}", async (Guid id, ReviseIndicatorSystem request, IndicatorSystemHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReviseAsync(id, request, ct)))
            .WithName("ReviseIndicatorSystem").WithSummary("Change your own system; 409 once an evaluation uses it (make a new version instead).");
        systems.MapPost("/{id:guid}/versions", async (Guid id, ReviseIndicatorSystem request, IndicatorSystemHandlers h, CancellationToken ct) =>
            {
                var s = await h.NewVersionAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/evaluation/indicator-systems/{s.Id}", s);
            })
            .WithName("NewIndicatorSystemVersion").WithSummary("A new version of your system with the indicators given; the old version stays as evaluations used it.");

        var evaluations = group.MapGroup("/evaluations");
        evaluations.MapGet("", async (Guid? contractId, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(contractId, ct)))
            .WithName("ListEvaluations").WithSummary("Evaluations where your organization is purchaser, provider or evaluator (auditors: all).");
        evaluations.MapPost("", async (Commission request, EvaluationHandlers h, CancellationToken ct) =>
            {
                var e = await h.CommissionAsync(request, ct);
                return TypedResults.Created($"/api/v1/evaluation/evaluations/{e.Id}", e);
            })
            .WithName("CommissionEvaluation").WithSummary("The contract's purchaser commissions an evaluator organization for one of the contract's planned evaluations, with an indicator system (which is frozen from then on).");
        evaluations.MapGet("/{id:guid}", async (Guid id, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetEvaluation").WithSummary("The evaluation with its indicators, frozen evidence, scores and their reasons, total, grade and appeal.");
        evaluations.MapPost("/{id:guid}/evidence", async (Guid id, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PullEvidenceAsync(id, ct)))
            .WithName("PullEvidence").WithSummary("The evaluator freezes the evidence (on or after the evaluation date); formula indicators are scored from it.");
        evaluations.MapPut("/{id:guid}/scores/{code}", async (Guid id, string code, ScoreLeaf request, EvaluationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ScoreAsync(id, code, request, ct)))
            .WithName("ScoreIndicator").WithSummary("The evaluator scores a judgement indicator, 0 to its maximum, with a comment.");
        evaluations.MapPost("/{id:guid}/scores/{code}/attachments", async (Guid id, string code, IFormFile file, EvaluationHandlers h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var a = await h.AttachAsync(id, code, file.FileName, content, ct);
                return TypedResults.Created($"/api/v1/evaluation/evaluations/{id}/attachments/{a.Id}", a);
            })
            .WithName("AttachToScore").WithSummary("The evaluator attaches a file (pdf, jpg, png, docx, xlsx; 10 MB at most; 10 per indicator) to an indicator while scoring.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationHandlers.MaxAttachmentBytes + (64 * 1024)));
        evaluations.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, EvaluationHandlers h, CancellationToken ct) =>
            {
                var (a, type, content) = await h.OpenAttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, type, a.FileName);
            })
            .WithName("ScoreAttachment").WithSummary("A file attached to a score (those who may read the evaluation).");
        evaluations.MapPost("/{id:guid}/submit", async (Guid id, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SubmitAsync(id, ct)))
            .WithName("SubmitEvaluation").WithSummary("The evaluator submits: every indicator scored (400 otherwise); total and grade; locked.");
        evaluations.MapPost("/{id:guid}/appeal", async (Guid id, Statement request, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AppealAsync(id, request, ct)))
            .WithName("AppealEvaluation").WithSummary("The provider appeals with its reasons, within the appeal days after submission (409 after).");
        evaluations.MapPost("/{id:guid}/accept", async (Guid id, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AcceptResultAsync(id, ct)))
            .WithName("AcceptEvaluation").WithSummary("The provider accepts the result (the purchaser may then confirm before the appeal days are over).");
        evaluations.MapPost("/{id:guid}/appeal-answer", async (Guid id, Statement request, EvaluationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.AnswerAppealAsync(id, request, ct)))
            .WithName("AnswerAppeal").WithSummary("The evaluator answers the appeal (having rescored indicators or not); the total is counted again.");
        evaluations.MapPost("/{id:guid}/confirm", async (Guid id, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ConfirmAsync(id, ct)))
            .WithName("ConfirmEvaluation").WithSummary("The purchaser confirms the submitted result once the provider accepted, an appeal was answered or the appeal days are over.");

        var payments = group.MapGroup("/contracts/{contractId:guid}/phases");
        payments.MapGet("", async (Guid contractId, PaymentHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PhasesAsync(contractId, ct)))
            .WithName("PaymentPhases").WithSummary("The contract's payment phases: share, the evaluation each waits for, the amount the rule gives, the payment.");
        payments.MapPost("/{phase:int}/approve", async (Guid contractId, int phase, PaymentHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ApproveAsync(contractId, phase, ct)))
            .WithName("ApprovePayment").WithSummary("The purchaser approves a phase's payment at the amount its rule gives (409 before the evaluation is confirmed, or when approved already).");
        payments.MapPost("/{phase:int}/payment", async (Guid contractId, int phase, RecordPayment request, PaymentHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.RecordAsync(contractId, phase, request, ct)))
            .WithName("RecordPayment").WithSummary("The purchaser records the transfer (date, bank reference) once; the same again changes nothing, a different one is refused.");
        var contracts = group.MapGroup("/contracts/{contractId:guid}");
        contracts.MapPost("/expenditures", async (Guid contractId, [FromForm] string budgetLine, [FromForm] long amountFen, [FromForm] DateOnly spentOn, [FromForm] string? description,
                IFormFile? receipt, ExpenditureHandlers h, CancellationToken ct) =>
            {
                await using var content = receipt?.OpenReadStream();
                var x = await h.RecordAsync(contractId, new RecordExpenditure(budgetLine, amountFen, spentOn, description), receipt?.FileName, content, ct);
                return TypedResults.Created($"/api/v1/evaluation/expenditures/{x.Id}", x);
            })
            .WithName("RecordExpenditure").WithSummary("The provider records spending against a budget line (multipart form: budgetLine, amountFen, spentOn, description, receipt — pdf, jpg or png, 10 MB at most); anomalies are flagged; 409 on a closed contract.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ExpenditureHandlers.MaxReceiptBytes + (64 * 1024)));
        contracts.MapGet("/money-trail", async (Guid contractId, ExpenditureHandlers h, CancellationToken ct) => TypedResults.Ok(await h.TrailAsync(contractId, ct)))
            .WithName("MoneyTrail").WithSummary("The contract's money trail: budget lines with their execution, payments, expenditures with reviews and flags, and the audit-log entries behind them.");
        contracts.MapGet("/money-trail.csv", async (Guid contractId, ExpenditureHandlers h, CancellationToken ct) =>
                TypedResults.File(await h.TrailCsvAsync(contractId, ct), "text/csv; charset=utf-8", $"money-trail-{contractId:N}.csv"))
            .WithName("MoneyTrailCsv").WithSummary("The money trail as CSV (UTF-8 with BOM).");
        group.MapPost("/expenditures/{id:guid}/review", async (Guid id, ReviewExpenditure request, ExpenditureHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReviewAsync(id, request, ct)))
            .WithName("ReviewExpenditure").WithSummary("The auditor (or the purchaser) accepts, queries or rejects an expenditure; a query or rejection needs the reason.");
        group.MapGet("/expenditures/{id:guid}/receipt", async (Guid id, ExpenditureHandlers h, CancellationToken ct) =>
            {
                var (receipt, content) = await h.OpenReceiptAsync(id, ct);
                return TypedResults.File(content, receipt.ContentType, receipt.FileName);
            })
            .WithName("ExpenditureReceipt").WithSummary("The receipt file of an expenditure (parties and auditors).");
        return api;
    }

    /// <summary>
    /// Back-office routes with the sign-in cookie: the receipt and the money-trail CSV, and the provider's expenditure
    /// form (multipart, with the receipt), which goes back to the money-trail page with the outcome.
    /// </summary>
    public static IEndpointRouteBuilder MapEvaluationDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/evaluation/expenditures/{id:guid}/receipt", async (Guid id, ExpenditureHandlers h, CancellationToken ct) =>
            {
                var (receipt, content) = await h.OpenReceiptAsync(id, ct);
                return TypedResults.File(content, receipt.ContentType, receipt.FileName);
            })
            .RequireAuthorization(EvaluationPolicies.Read).ExcludeFromDescription();
        app.MapGet("/evaluation/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, EvaluationHandlers h, CancellationToken ct) =>
            {
                var (a, type, content) = await h.OpenAttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, type, a.FileName);
            })
            .RequireAuthorization(EvaluationPolicies.Read).ExcludeFromDescription();
        app.MapPost("/evaluation/{id:guid}/scores/{code}/attachments", async (Guid id, string code, IFormFile? file, EvaluationHandlers h, CancellationToken ct) =>
            {
                var page = $"/evaluation/{id}";
                try
                {
                    if (file is not { Length: > 0 })
                    {
                        throw new CoCare.Kernel.DomainException("Evaluation.AttachmentType");
                    }

                    await using var content = file.OpenReadStream();
                    await h.AttachAsync(id, code, file.FileName, content, ct);
                    return Results.Redirect(page + "?done=attached");
                }
                catch (CoCare.Kernel.DomainException e) when (e.Kind is CoCare.Kernel.ErrorKind.Validation or CoCare.Kernel.ErrorKind.Conflict)
                {
                    return Results.Redirect(page + "?error=" + Uri.EscapeDataString(e.Code));
                }
            })
            .RequireAuthorization(EvaluationPolicies.Read).ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationHandlers.MaxAttachmentBytes + (64 * 1024)));
        app.MapGet("/evaluation/contracts/{contractId:guid}/money-trail.csv", async (Guid contractId, ExpenditureHandlers h, CancellationToken ct) =>
                TypedResults.File(await h.TrailCsvAsync(contractId, ct), "text/csv; charset=utf-8", $"money-trail-{contractId:N}.csv"))
            .RequireAuthorization(EvaluationPolicies.Read).ExcludeFromDescription();
        app.MapPost("/evaluation/contracts/{contractId:guid}/expenditures", async (Guid contractId, [FromForm] string? budgetLine, [FromForm] string? amountYuan,
                [FromForm] DateOnly? spentOn, [FromForm] string? description, IFormFile? receipt, ExpenditureHandlers h, CancellationToken ct) =>
            {
                var page = $"/evaluation/contracts/{contractId}/money";
                try
                {
                    if (!decimal.TryParse(amountYuan, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var yuan)
                        || yuan <= 0 || decimal.Round(yuan, 2) != yuan || spentOn is null)
                    {
                        throw new CoCare.Kernel.DomainException(spentOn is null ? "Expenditure.Date" : "Expenditure.Amount");
                    }

                    await using var content = receipt is { Length: > 0 } ? receipt.OpenReadStream() : null;
                    await h.RecordAsync(contractId, new RecordExpenditure(budgetLine ?? "", (long)(yuan * 100), spentOn.Value, description), receipt?.FileName, content, ct);
                    return Results.Redirect(page + "?done=recorded");
                }
                catch (CoCare.Kernel.DomainException e) when (e.Kind is CoCare.Kernel.ErrorKind.Validation or CoCare.Kernel.ErrorKind.Conflict)
                {
                    return Results.Redirect(page + "?error=" + Uri.EscapeDataString(e.Code));
                }
            })
            .RequireAuthorization(EvaluationPolicies.Read).ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(ExpenditureHandlers.MaxReceiptBytes + (64 * 1024)));
        return app;
    }
}
