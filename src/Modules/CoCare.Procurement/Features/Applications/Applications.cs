using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using CoCare.Procurement.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoCare.Procurement.Features.Applications;

public sealed record SaveApplication(string Approach, string Team, IReadOnlyList<BudgetLine>? BudgetLines, Guid? OrganizationId = null, long Version = 0);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

public sealed record ApplicationDto(Guid Id, Guid ProjectId, Guid ProviderOrganizationId, string ProviderName, string Approach, string Team,
    IReadOnlyList<BudgetLine> BudgetLines, long TotalFen, ApplicationStatus Status, DateTime SubmittedAt, DateTime UpdatedAt,
    IReadOnlyList<AttachmentDto> Attachments, long Version);

public sealed class SaveApplicationValidator : AbstractValidator<SaveApplication>
{
    public SaveApplicationValidator(IStringLocalizer<ProcurementText> s)
    {
        RuleFor(a => a.Approach).NotEmpty().MaximumLength(8000).WithName(s["Field.Approach"]);
        RuleFor(a => a.Team).NotEmpty().MaximumLength(4000).WithName(s["Field.Team"]);
        RuleFor(a => a.BudgetLines).NotEmpty().WithName(s["Field.BudgetLines"]);
        RuleForEach(a => a.BudgetLines).ChildRules(line =>
        {
            line.RuleFor(l => l.Item).NotEmpty().MaximumLength(200).WithName(s["Field.BudgetItem"]);
            line.RuleFor(l => l.AmountFen).GreaterThan(0).WithName(s["Field.Amount"]);
        });
    }
}

/// <summary>
/// Applications: a provider submits one per call before the deadline, edits it until then, or withdraws it.
/// Only the applicant, the purchaser's people and overseers (evaluator, auditor) may read one.
/// </summary>
public sealed class ApplicationHandlers(
    AppDbContext db,
    CurrentActor actor,
    IDirectory directory,
    FileStore files,
    TimeProvider clock,
    IValidator<SaveApplication> validator)
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public async Task<ApplicationDto> SubmitAsync(Guid projectId, SaveApplication request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await validator.ValidateAndThrowAsync(request, ct);
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        var organization = ApplicantOrganization(request.OrganizationId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (project.Status == ProjectStatus.Draft)
        {
            throw DomainException.Conflict("Call.NotPublished");
        }

        if (!project.AcceptsApplications(now))
        {
            throw DomainException.Conflict("Call.Closed");
        }

        if (await db.Set<Application>().AnyAsync(a => a.ProjectId == projectId && a.ProviderOrganizationId == organization, ct))
        {
            throw DomainException.Conflict("Application.Duplicate");
        }

        var application = new Application(projectId, organization, now);
        application.Write(request.Approach.Trim(), request.Team.Trim(), request.BudgetLines!, now);
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return await GetAsync(application.Id, ct);
    }

    public async Task<ApplicationDto> UpdateAsync(Guid id, SaveApplication request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await validator.ValidateAndThrowAsync(request, ct);
        var (application, _) = await OwnOpenAsync(id, ct);
        db.ExpectVersion(application, request.Version);
        application.Write(request.Approach.Trim(), request.Team.Trim(), request.BudgetLines!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ApplicationDto> WithdrawAsync(Guid id, CancellationToken ct)
    {
        var (application, _) = await OwnOpenAsync(id, ct);
        application.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ApplicationDto> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Set<Application>().AsNoTracking().Include(a => a.Attachments).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw DomainException.NotFound("Application.NotFound");
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstAsync(p => p.Id == application.ProjectId, ct);
        if (!CanRead(application, project))
        {
            throw DomainException.Forbidden("Application.NotYours");
        }

        var provider = await directory.FindOrganizationAsync(application.ProviderOrganizationId, ct);
        return ToDto(application, provider?.Name ?? "");
    }

    /// <summary>The applications to a project the caller may read: all of them for the purchaser and overseers, one's own otherwise.</summary>
    public async Task<IReadOnlyList<ApplicationDto>> ListForProjectAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("Project.NotFound");
        var q = db.Set<Application>().AsNoTracking().Include(a => a.Attachments).Where(a => a.ProjectId == projectId);
        if (!Access.IsPurchaserOf(actor, project.PurchaserOrganizationId) && !Access.IsOverseer(actor))
        {
            var own = actor.OrganizationIds.ToList();
            q = q.Where(a => own.Contains(a.ProviderOrganizationId));
        }

        var applications = await q.OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(applications.Select(a => a.ProviderOrganizationId), ct);
        return applications.Select(a => ToDto(a, names.GetValueOrDefault(a.ProviderOrganizationId)?.Name ?? "")).ToList();
    }

    public async Task<AttachmentDto> AttachAsync(Guid id, string fileName, string? contentType, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var (application, _) = await OwnOpenAsync(id, ct);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name);
        if (name.Length is 0 or > 200 || !AllowedTypes.TryGetValue(extension, out var type))
        {
            throw new DomainException("Attachment.TypeNotAllowed", ErrorKind.Validation, "file", string.Join(", ", AllowedTypes.Keys));
        }

        if (application.Attachments.Count >= 20)
        {
            throw new DomainException("Attachment.TooMany", ErrorKind.Validation, "file");
        }

        var stored = await files.SaveAsync(content, MaxAttachmentBytes, ct)
            ?? throw new DomainException("Attachment.TooLarge", ErrorKind.Validation, "file", MaxAttachmentBytes / 1024 / 1024);
        var attachment = new Attachment(application.Id, name, type, stored.Size, stored.StoredName, clock.GetUtcNow().UtcDateTime);
        db.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(stored.StoredName);
            throw;
        }

        return new AttachmentDto(attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.UploadedAt);
    }

    public async Task<(AttachmentDto Attachment, Stream Content)> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var application = await GetAsync(id, ct);
        var attachment = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == application.Id, ct)
            ?? throw DomainException.NotFound("Attachment.NotFound");
        return (new AttachmentDto(attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.UploadedAt), files.Open(attachment.StoredName));
    }

    private bool CanRead(Application application, PurchaseProject project) =>
        Access.IsMember(actor, application.ProviderOrganizationId) || Access.IsPurchaserOf(actor, project.PurchaserOrganizationId) || Access.IsOverseer(actor);

    private Guid ApplicantOrganization(Guid? requested)
    {
        if (!actor.IsInRole(Roles.Provider))
        {
            throw DomainException.Forbidden("Application.ProvidersOnly");
        }

        var organizations = actor.OrganizationsWithRole(Roles.Provider);
        if (requested is { } id)
        {
            return organizations.Contains(id) ? id : throw DomainException.Forbidden("Application.NotYours");
        }

        return organizations.Count == 1 ? organizations[0] : throw new DomainException("Application.ChooseOrganization", ErrorKind.Validation, "organizationId");
    }

    private async Task<(Application Application, PurchaseProject Project)> OwnOpenAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Set<Application>().Include(a => a.Attachments).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("Application.NotFound");
        if (!actor.HasRoleIn(Roles.Provider, application.ProviderOrganizationId))
        {
            throw DomainException.Forbidden("Application.NotYours");
        }

        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstAsync(p => p.Id == application.ProjectId, ct);
        if (!project.AcceptsApplications(clock.GetUtcNow().UtcDateTime))
        {
            throw DomainException.Conflict("Call.Closed");
        }

        return (application, project);
    }

    private static ApplicationDto ToDto(Application a, string providerName) => new(
        a.Id, a.ProjectId, a.ProviderOrganizationId, providerName, a.Approach, a.Team, a.BudgetLines, a.TotalFen, a.Status, a.SubmittedAt, a.UpdatedAt,
        a.Attachments.OrderBy(x => x.UploadedAt).Select(x => new AttachmentDto(x.Id, x.FileName, x.ContentType, x.SizeBytes, x.UploadedAt)).ToList(), a.Version);
}
