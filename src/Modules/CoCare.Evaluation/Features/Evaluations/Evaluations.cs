using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Evaluation.Domain;
using CoCare.Evaluation.Features.Indicators;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Features.Evaluations;

/// <summary>The purchaser commissions an evaluator for one planned evaluation of a contract (date: the plan's, when left out).</summary>
public sealed record Commission(Guid ContractId, int EvaluationNumber, Guid EvaluatorOrganizationId, Guid IndicatorSystemId, DateOnly? EvaluationDate, int AppealDays = 7);

public sealed record ScoreLeaf(decimal Score, string? Comment);

public sealed record Statement(string? Text);

public sealed record AttachmentDto(Guid Id, string Code, string FileName, long SizeBytes, DateTime UploadedAt);

public sealed record EvaluationRow(Guid Id, Guid ContractId, string ContractTitle, int Number, string Name, string EvaluatorName, DateOnly EvaluationDate,
    EvaluationStatus Status, decimal? Total, Grade? Grade);

public sealed record EvaluationDto(Guid Id, Guid ContractId, string ContractTitle, int Number, string Name, Guid EvaluatorOrganizationId, string EvaluatorName,
    Guid ProviderOrganizationId, string ProviderName, DateOnly EvaluationDate, EvaluationStatus Status, IndicatorSystemDto System, Evidence? Evidence,
    IReadOnlyList<LeafScore> Scores, decimal? Total, Grade? Grade, DateOnly? AppealDeadline, string? Appeal, string? AppealAnswer, DateTime? ProviderAcceptedAt,
    DateTime? ConfirmedAt, long Version, Guid PurchaserOrganizationId, IReadOnlyList<AttachmentDto> Attachments);

/// <summary>
/// Evaluations from commission to confirmation. Each step belongs to one party: the purchaser commissions and confirms,
/// the commissioned evaluator pulls the evidence, scores and submits (and answers an appeal), the provider accepts or
/// appeals. The evaluator sees its own evaluations and their contracts only; auditors read everything.
/// </summary>
internal sealed class EvaluationHandlers(AppDbContext db, CurrentActor actor, IContractFacts contracts, IDirectory directory, IndicatorSystemHandlers systems,
    EvidenceCollector collector, FileStore files, TimeProvider clock)
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> AttachmentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public async Task<EvaluationDto> CommissionAsync(Commission request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.FindAsync(request.ContractId, ct) ?? throw new DomainException("Evaluation.Contract", ErrorKind.Validation, "contractId");
        if (!actor.IsPlatformAdmin && !actor.HasRoleIn(Roles.Purchaser, contract.PurchaserOrganizationId))
        {
            throw DomainException.Forbidden("Evaluation.PurchaserOnly");
        }

        if (contract.Status == "Terminated")
        {
            throw DomainException.Conflict("Evaluation.ContractEnded");
        }

        var planned = contract.Evaluations.FirstOrDefault(e => e.Number == request.EvaluationNumber)
            ?? throw new DomainException("Evaluation.Number", ErrorKind.Validation, "evaluationNumber");
        if (await directory.FindOrganizationAsync(request.EvaluatorOrganizationId, ct) is not { Type: "Evaluator", IsActive: true })
        {
            throw new DomainException("Evaluation.Evaluator", ErrorKind.Validation, "evaluatorOrganizationId");
        }

        await systems.EnsureDefaultAsync(ct);
        var system = await db.Set<IndicatorSystem>().FirstOrDefaultAsync(s => s.Id == request.IndicatorSystemId, ct)
            ?? throw new DomainException("Evaluation.System", ErrorKind.Validation, "indicatorSystemId");
        if (await db.Set<PerformanceEvaluation>().AnyAsync(e => e.ContractId == contract.Id && e.Number == planned.Number, ct))
        {
            throw DomainException.Conflict("Evaluation.Exists", null, planned.Name);
        }

        var date = request.EvaluationDate ?? planned.DueDate;
        if (date < contract.StartDate)
        {
            throw new DomainException("Evaluation.Date", ErrorKind.Validation, "evaluationDate");
        }

        var evaluation = new PerformanceEvaluation(contract.Id, contract.PurchaserOrganizationId, contract.ProviderOrganizationId, request.EvaluatorOrganizationId, planned.Number,
            planned.Name, system.Id, date, request.AppealDays, actor.UserName ?? "system", Now);
        system.MarkInUse();
        db.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(evaluation, ct);
    }

    public async Task<IReadOnlyList<EvaluationRow>> ListAsync(Guid? contractId, CancellationToken ct)
    {
        var q = db.Set<PerformanceEvaluation>().AsNoTracking();
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Auditor))
        {
            var orgs = actor.OrganizationIds;
            q = q.Where(e => orgs.Contains(e.PurchaserOrganizationId) || orgs.Contains(e.ProviderOrganizationId) || orgs.Contains(e.EvaluatorOrganizationId));
        }

        if (contractId is { } c)
        {
            q = q.Where(e => e.ContractId == c);
        }

        var rows = await q.OrderByDescending(e => e.EvaluationDate).Take(200).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(rows.Select(r => r.EvaluatorOrganizationId), ct);
        var titles = new Dictionary<Guid, string>();
        foreach (var id in rows.Select(r => r.ContractId).Distinct())
        {
            titles[id] = (await contracts.FindAsync(id, ct))?.Title ?? "";
        }

        return rows.Select(e => new EvaluationRow(e.Id, e.ContractId, titles[e.ContractId], e.Number, e.Name, names.GetValueOrDefault(e.EvaluatorOrganizationId)?.Name ?? "",
            e.EvaluationDate, e.Status, e.Total, e.Grade)).ToList();
    }

    public async Task<EvaluationDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id, ct), ct);

    /// <summary>The evaluator freezes the evidence on or after the evaluation date; formula leaves are scored from it.</summary>
    public Task<EvaluationDto> PullEvidenceAsync(Guid id, CancellationToken ct) => EvaluatorStepAsync(id, async (e, indicators) =>
    {
        if (ChinaTime.Day(Now) < e.EvaluationDate)
        {
            throw DomainException.Conflict("Evaluation.TooEarly", null, e.EvaluationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var contract = await contracts.FindAsync(e.ContractId, ct) ?? throw DomainException.NotFound("Evaluation.NotFound");
        var evidence = await collector.CollectAsync(contract, indicators, e.EvaluationDate, Now, ct);
        e.Freeze(evidence, EvidenceCollector.Score(indicators, evidence, Now));
    }, ct);

    public Task<EvaluationDto> ScoreAsync(Guid id, string code, ScoreLeaf request, CancellationToken ct) => EvaluatorStepAsync(id, (e, indicators) =>
    {
        var leaf = IndicatorTree.Leaves(indicators).FirstOrDefault(l => l.Code == code) ?? throw new DomainException("Evaluation.Leaf", ErrorKind.Validation, "code", code ?? "");
        e.Score(leaf, request?.Score ?? -1, request?.Comment, actor.UserName ?? "evaluator", Now);
        return Task.CompletedTask;
    }, ct);

    /// <summary>The evaluator attaches a file to an indicator while scoring (pdf, images, docx, xlsx; 10 MB at most; 10 per indicator).</summary>
    public async Task<AttachmentDto> AttachAsync(Guid id, string code, string? fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        AttachmentDto? added = null;
        await EvaluatorStepAsync(id, async (e, indicators) =>
        {
            if (e.Status is not (EvaluationStatus.EvidenceFrozen or EvaluationStatus.Appealed))
            {
                throw DomainException.Conflict(e.Status == EvaluationStatus.Commissioned ? "Evaluation.NoEvidence" : "Evaluation.Locked");
            }

            if (IndicatorTree.Leaves(indicators).All(l => l.Code != code))
            {
                throw new DomainException("Evaluation.Leaf", ErrorKind.Validation, "code", code ?? "");
            }

            var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
            if (name.Length is 0 or > 200 || !AttachmentTypes.TryGetValue(Path.GetExtension(name), out var type))
            {
                throw new DomainException("Evaluation.AttachmentType", ErrorKind.Validation, "file");
            }

            if (await db.Set<ScoreAttachment>().CountAsync(a => a.EvaluationId == id && a.Code == code, ct) >= 10)
            {
                throw new DomainException("Evaluation.AttachmentCount", ErrorKind.Validation, "file");
            }

            var saved = await files.SaveAsync(content, MaxAttachmentBytes, ct) ?? throw new DomainException("Evaluation.AttachmentSize", ErrorKind.Validation, "file");
            var attachment = new ScoreAttachment(id, code, name, type, saved.StoredName, saved.Size, actor.UserName ?? "evaluator", Now);
            db.Add(attachment);
            added = new AttachmentDto(attachment.Id, code, name, saved.Size, attachment.UploadedAt);
        }, ct);
        return added!;
    }

    public async Task<(AttachmentDto Attachment, string ContentType, Stream Content)> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        await FindAsync(id, ct);
        var a = await db.Set<ScoreAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.EvaluationId == id, ct) ?? throw DomainException.NotFound("Evaluation.NotFound");
        return (new AttachmentDto(a.Id, a.Code, a.FileName, a.SizeBytes, a.UploadedAt), a.ContentType, files.Open(a.StoredName));
    }

    public Task<EvaluationDto> SubmitAsync(Guid id, CancellationToken ct) => EvaluatorStepAsync(id, (e, indicators) =>
    {
        e.Submit(indicators, Now, ChinaTime.Day(Now));
        return Task.CompletedTask;
    }, ct);

    public Task<EvaluationDto> AnswerAppealAsync(Guid id, Statement request, CancellationToken ct) => EvaluatorStepAsync(id, (e, indicators) =>
    {
        e.Answer(request?.Text, indicators);
        return Task.CompletedTask;
    }, ct);

    public Task<EvaluationDto> AppealAsync(Guid id, Statement request, CancellationToken ct) =>
        PartyStepAsync(id, Roles.Provider, e => e.ProviderOrganizationId, e => e.Dispute(request?.Text, Now, ChinaTime.Day(Now)), ct);

    public Task<EvaluationDto> AcceptResultAsync(Guid id, CancellationToken ct) =>
        PartyStepAsync(id, Roles.Provider, e => e.ProviderOrganizationId, e => e.AcceptResult(Now), ct);

    public Task<EvaluationDto> ConfirmAsync(Guid id, CancellationToken ct) =>
        PartyStepAsync(id, Roles.Purchaser, e => e.PurchaserOrganizationId, e => e.Confirm(actor.UserName ?? "purchaser", Now, ChinaTime.Day(Now)), ct);

    private async Task<EvaluationDto> EvaluatorStepAsync(Guid id, Func<PerformanceEvaluation, IReadOnlyList<Indicator>, Task> step, CancellationToken ct)
    {
        var evaluation = await FindAsync(id, ct, track: true);
        if (!actor.HasRoleIn(Roles.Evaluator, evaluation.EvaluatorOrganizationId))
        {
            throw DomainException.Forbidden("Evaluation.EvaluatorOnly");
        }

        var indicators = await db.Set<IndicatorSystem>().AsNoTracking().Where(s => s.Id == evaluation.IndicatorSystemId).Select(s => s.Indicators).SingleAsync(ct);
        await step(evaluation, indicators);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(evaluation, ct);
    }

    private async Task<EvaluationDto> PartyStepAsync(Guid id, string role, Func<PerformanceEvaluation, Guid> organization, Action<PerformanceEvaluation> step, CancellationToken ct)
    {
        var evaluation = await FindAsync(id, ct, track: true);
        if (!actor.HasRoleIn(role, organization(evaluation)))
        {
            throw DomainException.Forbidden(role == Roles.Provider ? "Evaluation.ProviderOnly" : "Evaluation.PurchaserOnly");
        }

        step(evaluation);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(evaluation, ct);
    }

    private async Task<PerformanceEvaluation> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var q = track ? db.Set<PerformanceEvaluation>().AsQueryable() : db.Set<PerformanceEvaluation>().AsNoTracking();
        var e = await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        var orgs = actor.OrganizationIds;
        var visible = e is not null && (actor.IsPlatformAdmin || actor.IsInRole(Roles.Auditor) || orgs.Contains(e.PurchaserOrganizationId) || orgs.Contains(e.ProviderOrganizationId)
            || orgs.Contains(e.EvaluatorOrganizationId));
        return visible ? e! : throw DomainException.NotFound("Evaluation.NotFound");
    }

    private async Task<EvaluationDto> ToDtoAsync(PerformanceEvaluation e, CancellationToken ct)
    {
        var contract = await contracts.FindAsync(e.ContractId, ct);
        var orgs = await directory.OrganizationsAsync([e.EvaluatorOrganizationId, e.ProviderOrganizationId], ct);
        var system = await systems.GetAsync(e.IndicatorSystemId, ct);
        var attachments = await db.Set<ScoreAttachment>().AsNoTracking().Where(a => a.EvaluationId == e.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentDto(a.Id, a.Code, a.FileName, a.SizeBytes, a.UploadedAt)).ToListAsync(ct);
        return new EvaluationDto(e.Id, e.ContractId, contract?.Title ?? "", e.Number, e.Name, e.EvaluatorOrganizationId, orgs.GetValueOrDefault(e.EvaluatorOrganizationId)?.Name ?? "",
            e.ProviderOrganizationId, orgs.GetValueOrDefault(e.ProviderOrganizationId)?.Name ?? "", e.EvaluationDate, e.Status, system, e.Evidence, e.Scores, e.Total, e.Grade,
            e.AppealDeadline, e.Appeal, e.AppealAnswer, e.ProviderAcceptedAt, e.ConfirmedAt, e.Version, e.PurchaserOrganizationId, attachments);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
