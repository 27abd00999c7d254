using CoCare.Data.Audit;
using CoCare.Kernel;
using CoCare.Ui.Exports;
using CoCare.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CoCare.Web.Infrastructure;

public sealed record AuditVerifyResponse(bool Ok, long Entries, long? BrokenSequence, string? Reason);

public sealed record AuditEntryDto(long Sequence, DateTime Time, string? UserName, Guid? OrganizationId, string EntityType, string EntityKey, string Action, string Changes, string Hash);

/// <summary>The audit log for auditors and platform administrators.</summary>
public static class AuditApi
{
    public const string ReadPolicy = "Audit.Read";

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(ReadPolicy);
        group.MapGet("/verify", async (AuditLog log, CancellationToken ct) =>
            {
                var result = await log.VerifyAsync(ct);
                return TypedResults.Ok(new AuditVerifyResponse(result.Ok, result.Entries, result.BrokenSequence, result.Reason));
            })
            .WithName("VerifyAuditLog").WithSummary("Recompute the hash chain; report ok or the first broken entry.");
        group.MapGet("/", async (int? page, int? pageSize, string? entityType, string? entityKey, string? userName, string? action, DateTime? from, DateTime? to, AuditLog log, CancellationToken ct) =>
            {
                var paging = new ListQuery(page, pageSize, null, null, null).ToPageRequest();
                var result = await log.ListAsync(new AuditQuery(paging, entityType, entityKey, userName, action, from?.ToUniversalTime(), to?.ToUniversalTime()), ct);
                return TypedResults.Ok(new Page<AuditEntryDto>(
                    result.Items.Select(e => new AuditEntryDto(e.Sequence, e.Time, e.UserName, e.OrganizationId, e.EntityType, e.EntityKey, e.Action, e.Changes, e.Hash)).ToList(),
                    result.Total, result.PageNumber, result.PageSize));
            })
            .WithName("ListAuditEntries").WithSummary("List audit entries, newest first, filtered by entity, user, action and time.");
        return api;
    }

    /// <summary>The audit log, filtered as above, as CSV or XLSX (<c>?format=csv|xlsx</c>); see <see cref="ListExport"/>.</summary>
    public static IEndpointRouteBuilder MapAuditExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/audit", (string? format, string? entityType, string? entityKey, string? userName, string? action, DateTime? from, DateTime? to, AuditLog log,
                IStringLocalizer<WebText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "audit", Columns(s), new ListQuery(null, null, null, null, null),
                    (p, c) => log.ListAsync(new AuditQuery(p, entityType, entityKey, userName, action, from?.ToUniversalTime(), to?.ToUniversalTime()), c), ct))
            .WithName("ExportAuditEntries").WithSummary("The audit entries, filtered as the list is, as CSV or XLSX (newest first).").RequireAuthorization(ReadPolicy);
        return exports;
    }

    private static ExportColumn<AuditEntry>[] Columns(IStringLocalizer<WebText> s) =>
    [
        new("#", e => e.Sequence),
        new(s["Audit.Time"], e => e.Time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)),
        new(s["Audit.User"], e => e.UserName),
        new(s["Audit.Entity"], e => e.EntityType + " " + e.EntityKey),
        new(s["Audit.Action"], e => e.Action),
        new(s["Audit.Changes"], e => e.Changes),
        new("hash", e => e.Hash),
    ];
}
