using CoCare.Data;
using CoCare.Data.Inbox;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCare.Voice.Features.Feedback;

/// <summary>Response deadlines in working days per kind (configuration section <c>Voice:ResponseWorkingDays</c>).</summary>
public sealed class FeedbackOptions
{
    public int Complaint { get; set; } = 3;

    public int Suggestion { get; set; } = 10;

    public int Praise { get; set; } = 10;

    public int DaysFor(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Complaint => Complaint,
        FeedbackKind.Suggestion => Suggestion,
        _ => Praise,
    };
}

/// <summary>What a person sends through the public form (no sign-in). <c>ServicePointId</c> comes from the QR code at a canteen.</summary>
public sealed record PublicFeedback(string? RegionCode, Guid? ServicePointId, FeedbackKind Kind, string Text, bool Anonymous, string? ContactName, string? ContactPhone);

/// <summary>What staff enter from a phone call, a home visit, a paper form or a volunteer.</summary>
public sealed record StaffFeedback(string? RegionCode, Guid? ServicePointId, FeedbackKind Kind, FeedbackChannel Channel, string Text, bool Anonymous, string? ContactName,
    string? ContactPhone, Guid? ServiceOrderId, Guid? ContractId, Guid? ProviderOrganizationId);

public sealed record Submitted(Guid Id, string TrackingCode, DateTime DueAt);

public sealed record ResponseDto(string Organization, string Author, string Text, DateTime At);

/// <summary>What the person who sent it sees with the tracking code: no contact data, the answers in order.</summary>
public sealed record FeedbackStatusDto(string TrackingCode, FeedbackKind Kind, FeedbackChannel Channel, string Text, string? ServicePoint, FeedbackStatus Status,
    DateTime ReceivedAt, DateTime DueAt, bool Overdue, IReadOnlyList<ResponseDto> Responses, int Reopened, int? Rating);

public sealed record FeedbackRow(Guid Id, string TrackingCode, string RegionCode, FeedbackKind Kind, FeedbackChannel Channel, string Text, bool Anonymous,
    string? ContactPhoneMasked, Guid? AssignedOrganizationId, string? AssignedOrganization, FeedbackStatus Status, DateTime ReceivedAt, DateTime DueAt, bool Overdue,
    DateTime? FirstAnsweredAt, int Reopened, int? Rating, long Version);

/// <summary>The full record for staff who handle it (the read is audited).</summary>
public sealed record FeedbackRecord(FeedbackRow Row, string? ContactName, string? ContactPhone, Guid? ServicePointId, Guid? ServiceOrderId, Guid? ContractId,
    Guid? ProviderOrganizationId, IReadOnlyList<ResponseDto> Responses);

public sealed record AssignFeedback(Guid OrganizationId, long Version);

public sealed record AnswerFeedback(string Text, bool Resolve);

public sealed record RateHandling(int Rating);

/// <summary>Public statistics: counts by kind, the share answered on time and the median time to the first answer; no personal data.</summary>
public sealed record FeedbackStats(IReadOnlyDictionary<FeedbackKind, int> ByKind, int Total, int Due, int AnsweredOnTime, double? OnTimeRate, double? MedianResponseHours);

/// <summary>
/// Feedback and complaints: the public form (rate-limited per address), staff-entered channels, assignment,
/// answers by the assigned organization only, resolution, reopening and rating by the person with the tracking code,
/// overdue items escalated to the purchaser, public statistics.
/// </summary>
public sealed class FeedbackHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, IServiceFacts services, IProjectFacts projects, ContractParties parties,
    PersonalDataCipher cipher, FeedbackThrottle throttle, Inbox inbox, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Submitted> SubmitPublicAsync(PublicFeedback request, string clientAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The limit is counted before anything is checked or stored: a flood gets 429 and leaves nothing behind.
        throttle.Take(clientAddress);
        var item = await NewAsync(request.RegionCode, request.ServicePointId, request.Kind, FeedbackChannel.PublicWeb, request.Text, request.Anonymous, request.ContactName,
            request.ContactPhone, "public", ct);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return new Submitted(item.Id, item.TrackingCode, item.DueAt);
    }

    public async Task<Submitted> RecordAsync(StaffFeedback request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        if (request.Channel == FeedbackChannel.PublicWeb)
        {
            throw new DomainException("Feedback.Channel", ErrorKind.Validation, "channel");
        }

        var item = await NewAsync(request.RegionCode, request.ServicePointId, request.Kind, request.Channel, request.Text, request.Anonymous, request.ContactName,
            request.ContactPhone, actor.UserName ?? "system", ct);
        if (!actor.Covers(item.RegionCode))
        {
            throw DomainException.Forbidden("Voice.OutsideRegion");
        }

        if (request.ProviderOrganizationId is { } provider && await directory.FindOrganizationAsync(provider, ct) is null)
        {
            throw new DomainException("Organization.NotFound", ErrorKind.Validation, "providerOrganizationId");
        }

        if (request.ContractId is { } contract && !await projects.ContractExistsAsync(contract, ct))
        {
            throw new DomainException("Feedback.Contract", ErrorKind.Validation, "contractId");
        }

        if (request.ServiceOrderId is { } order && await services.OrderAsync(order, ct) is null)
        {
            throw new DomainException("Feedback.Order", ErrorKind.Validation, "serviceOrderId");
        }

        item.Link(item.ServicePointId, request.ServiceOrderId, request.ContractId, request.ProviderOrganizationId);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return new Submitted(item.Id, item.TrackingCode, item.DueAt);
    }

    /// <summary>What the person sees with the tracking code.</summary>
    public async Task<FeedbackStatusDto> FollowAsync(string? trackingCode, CancellationToken ct)
    {
        var item = await ByCodeAsync(trackingCode, ct);
        var names = await directory.OrganizationsAsync(item.Responses.Select(r => r.OrganizationId).Distinct(), ct);
        var point = item.ServicePointId is { } p ? (await services.PointAsync(p, ct))?.Name : null;
        return new FeedbackStatusDto(item.TrackingCode, item.Kind, item.Channel, item.Text, point, item.Status, item.ReceivedAt, item.DueAt, item.IsOverdue(Now),
            Responses(item, names), item.Reopened, item.Rating);
    }

    public async Task<FeedbackStatusDto> ReopenAsync(string? trackingCode, CancellationToken ct)
    {
        var item = await ByCodeAsync(trackingCode, ct);
        item.Reopen();
        await db.SaveChangesAsync(ct);
        return await FollowAsync(trackingCode, ct);
    }

    public async Task<FeedbackStatusDto> RateAsync(string? trackingCode, RateHandling request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await ByCodeAsync(trackingCode, ct);
        item.Rate(request.Rating);
        await db.SaveChangesAsync(ct);
        return await FollowAsync(trackingCode, ct);
    }

    public async Task<Page<FeedbackRow>> ListAsync(string? region, FeedbackStatus? status, bool overdue, bool mine, PageRequest paging, CancellationToken ct)
    {
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        var q = db.Set<FeedbackItem>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            // Staff see their regions' feedback and anything assigned to their organizations.
            var own = actor.OrganizationIds.ToList();
            var scoped = q.WhereRegionUnder(f => f.RegionCode, actor.ScopePrefixes).Select(f => f.Id);
            q = q.Where(f => scoped.Contains(f.Id) || (f.AssignedOrganizationId != null && own.Contains(f.AssignedOrganizationId.Value)));
        }

        if (region is { Length: > 0 })
        {
            q = q.WhereRegionUnder(f => f.RegionCode, RegionCode.Prefixes([region]));
        }

        if (status is { } s)
        {
            q = q.Where(f => f.Status == s);
        }

        if (overdue)
        {
            var now = Now;
            q = q.Where(f => f.FirstAnsweredAt == null && f.DueAt < now);
        }

        if (mine)
        {
            var own = actor.OrganizationIds.ToList();
            q = q.Where(f => f.AssignedOrganizationId != null && own.Contains(f.AssignedOrganizationId.Value));
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            var code = search.Trim().ToUpperInvariant();
            q = q.Where(f => EF.Functions.Like(f.Text, like, "\\") || f.TrackingCode == code);
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q.IgnoreAutoIncludes(), paging).ThenBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await directory.OrganizationsAsync(rows.Where(f => f.AssignedOrganizationId is not null).Select(f => f.AssignedOrganizationId!.Value).Distinct(), ct);
        return new Page<FeedbackRow>(rows.Select(f => Row(f, names)).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    private static readonly Sorting<FeedbackItem> Sorts = new Sorting<FeedbackItem>("received")
        .Add("received", f => f.ReceivedAt, newestFirst: true)
        .Add("due", f => f.DueAt);

    public async Task<FeedbackRecord> GetAsync(Guid id, CancellationToken ct)
    {
        var item = await StaffItemAsync(id, ct);
        await db.RecordReadAsync(nameof(FeedbackItem), item.Id.ToString(), ct);
        var names = await directory.OrganizationsAsync(item.Responses.Select(r => r.OrganizationId).Append(item.AssignedOrganizationId ?? Guid.Empty).Distinct(), ct);
        return new FeedbackRecord(Row(item, names), cipher.Decrypt(item.ContactNameCipher), cipher.Decrypt(item.ContactPhoneCipher), item.ServicePointId, item.ServiceOrderId,
            item.ContractId, item.ProviderOrganizationId, Responses(item, names));
    }

    /// <summary>Coordinators and the purchaser assign it to the organization that must answer.</summary>
    public async Task<FeedbackRow> AssignAsync(Guid id, AssignFeedback request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await StaffItemAsync(id, ct);
        if (!actor.IsPlatformAdmin && !actor.IsInRole(Roles.Purchaser) && !actor.IsInRole(Roles.VillageCommittee) && !actor.IsInRole(Roles.Provider))
        {
            throw DomainException.Forbidden("Feedback.AssignersOnly");
        }

        var organization = await directory.FindOrganizationAsync(request.OrganizationId, ct) ?? throw new DomainException("Organization.NotFound", ErrorKind.Validation, "organizationId");
        db.ExpectVersion(item, request.Version);
        item.Assign(organization.Id);
        inbox.Post(organization.Id, "Inbox.FeedbackAssigned", $"/voice/feedback/{item.Id}", item.TrackingCode);
        await db.SaveChangesAsync(ct);
        return Row(item, new Dictionary<Guid, OrganizationInfo> { [organization.Id] = organization });
    }

    /// <summary>An answer by a member of the assigned organization (nobody else may answer); optionally resolving it.</summary>
    public async Task<FeedbackRecord> AnswerAsync(Guid id, AnswerFeedback request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await db.Set<FeedbackItem>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw DomainException.NotFound("Feedback.NotFound");
        if (item.AssignedOrganizationId is not { } assigned || !actor.OrganizationIds.Contains(assigned))
        {
            throw DomainException.Forbidden("Feedback.NotAssigned");
        }

        var response = item.Answer(assigned, actor.UserName ?? "system", request.Text ?? "", Now);
        db.Add(response);
        if (request.Resolve)
        {
            item.Resolve(Now);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Escalates unanswered items past their deadline to the purchaser of each contract serving the region (an inbox
    /// message each, once per item). Run by the background escalator; returns how many were escalated.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct)
    {
        var now = Now;
        var overdue = await db.Set<FeedbackItem>().Where(f => f.FirstAnsweredAt == null && f.DueAt < now && f.EscalatedAt == null).OrderBy(f => f.DueAt).Take(200).ToListAsync(ct);
        foreach (var item in overdue)
        {
            foreach (var purchaser in await parties.PurchasersForAsync(item.RegionCode, ct))
            {
                inbox.Post(purchaser, "Inbox.FeedbackOverdue", $"/voice/feedback/{item.Id}", item.TrackingCode, ChinaTime.Day(item.DueAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            item.Escalated(now);
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    /// <summary>Public statistics for a region and period (received in [from, to]).</summary>
    public Task<FeedbackStats> StatsAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        StatsAsync(region is { Length: > 0 } ? [region] : null, from, to, ct);

    /// <summary>The same statistics over several regions (all when null): a contract's, for an evaluation's evidence.</summary>
    public async Task<FeedbackStats> StatsAsync(IReadOnlyList<string>? regions, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var q = Received(regions, from, to);
        var rows = await q.Select(f => new { f.Kind, f.ReceivedAt, f.DueAt, f.FirstAnsweredAt }).ToListAsync(ct);
        var now = Now;
        var due = rows.Where(r => r.FirstAnsweredAt is not null || r.DueAt < now).ToList();
        var onTime = due.Count(r => r.FirstAnsweredAt is { } a && a <= r.DueAt);
        var hours = rows.Where(r => r.FirstAnsweredAt is not null).Select(r => (r.FirstAnsweredAt!.Value - r.ReceivedAt).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null : Math.Round(hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2, 1);
        return new FeedbackStats(Enum.GetValues<FeedbackKind>().ToDictionary(k => k, k => rows.Count(r => r.Kind == k)), rows.Count, due.Count, onTime,
            due.Count == 0 ? null : Math.Round((double)onTime / due.Count, 4), median);
    }

    /// <summary>Feedback received on the Beijing days given in the regions' subtrees (all when null): what the statistics count.</summary>
    internal IQueryable<FeedbackItem> Received(IReadOnlyList<string>? regions, DateOnly? from, DateOnly? to)
    {
        var q = db.Set<FeedbackItem>().AsNoTracking().IgnoreAutoIncludes();
        if (regions is not null)
        {
            q = q.WhereRegionUnder(f => f.RegionCode, RegionCode.Prefixes(regions));
        }

        if (from is { } f0)
        {
            var start = ChinaTime.Utc(f0, TimeOnly.MinValue);
            q = q.Where(f => f.ReceivedAt >= start);
        }

        if (to is { } t0)
        {
            var end = ChinaTime.Utc(t0.AddDays(1), TimeOnly.MinValue);
            q = q.Where(f => f.ReceivedAt < end);
        }

        return q;
    }

    private async Task<FeedbackItem> NewAsync(string? regionCode, Guid? pointId, FeedbackKind kind, FeedbackChannel channel, string? text, bool anonymous,
        string? contactName, string? contactPhone, string recordedBy, CancellationToken ct)
    {
        var region = regionCode;
        if (pointId is { } p)
        {
            var point = await services.PointAsync(p, ct) ?? throw new DomainException("Feedback.Point", ErrorKind.Validation, "servicePointId");
            region ??= point.RegionCode;
        }

        if (string.IsNullOrWhiteSpace(region) || !await directory.RegionExistsAsync(region, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }

        if (contactName is { Length: > 50 })
        {
            throw new DomainException("Feedback.ContactName", ErrorKind.Validation, "contactName");
        }

        var phone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim();
        if (phone is not null && (phone.Length is < 5 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            throw new DomainException("Feedback.ContactPhone", ErrorKind.Validation, "contactPhone");
        }

        var now = Now;
        var item = new FeedbackItem(region, kind, channel, text ?? "", anonymous, recordedBy, now, WorkingDays.Deadline(now, options.Value.DaysFor(kind)));
        item.Contact(cipher.Encrypt(string.IsNullOrWhiteSpace(contactName) ? null : contactName.Trim()), cipher.Encrypt(phone), phone is null ? null : Masking.Phone(phone));
        item.Link(pointId, null, null, null);
        return item;
    }

    private async Task<FeedbackItem> ByCodeAsync(string? code, CancellationToken ct)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (normalized.Length != 10)
        {
            throw DomainException.NotFound("Feedback.NotFound");
        }

        return await db.Set<FeedbackItem>().FirstOrDefaultAsync(f => f.TrackingCode == normalized, ct) ?? throw DomainException.NotFound("Feedback.NotFound");
    }

    private async Task<FeedbackItem> StaffItemAsync(Guid id, CancellationToken ct)
    {
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        var item = await db.Set<FeedbackItem>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw DomainException.NotFound("Feedback.NotFound");
        var assignedToMe = item.AssignedOrganizationId is { } a && actor.OrganizationIds.Contains(a);
        return actor.Covers(item.RegionCode) || assignedToMe ? item : throw DomainException.NotFound("Feedback.NotFound");
    }

    private FeedbackRow Row(FeedbackItem f, IReadOnlyDictionary<Guid, OrganizationInfo> names) =>
        new(f.Id, f.TrackingCode, f.RegionCode, f.Kind, f.Channel, f.Text, f.Anonymous, f.ContactPhoneMasked, f.AssignedOrganizationId,
            f.AssignedOrganizationId is { } a && names.TryGetValue(a, out var o) ? o.Name : null, f.Status, f.ReceivedAt, f.DueAt, f.IsOverdue(Now), f.FirstAnsweredAt,
            f.Reopened, f.Rating, f.Version);

    private static List<ResponseDto> Responses(FeedbackItem item, IReadOnlyDictionary<Guid, OrganizationInfo> names) =>
        item.Responses.OrderBy(r => r.At).Select(r => new ResponseDto(names.TryGetValue(r.OrganizationId, out var o) ? o.Name : "?", r.Author, r.Text, r.At)).ToList();
}

/// <summary>Who handles feedback: the purchaser, providers, village committees, resident organizations, volunteers (entering it) and administrators.</summary>
internal static class Staff
{
    public static bool Can(CurrentActor actor) =>
        actor.IsPlatformAdmin || actor.IsInRole(Roles.Purchaser) || actor.IsInRole(Roles.Provider) || actor.IsInRole(Roles.VillageCommittee)
        || actor.IsInRole(Roles.ResidentOrganization) || actor.IsInRole(Roles.Volunteer);
}
