using CoCare.Data.Audit;
using CoCare.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
