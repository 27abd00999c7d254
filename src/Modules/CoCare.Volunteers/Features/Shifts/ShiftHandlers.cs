using CoCare.Data;
using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using CoCare.Volunteers.Features.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Volunteers.Features.Shifts;

/// <summary>A shift to post: times in UTC (the pages send Beijing time converted), the project whose time bank pays the hours.</summary>
public sealed record PostShift(Guid ProjectId, string RegionCode, string Title, string? Place, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<Skill>? Skills,
    int Capacity, decimal? CreditRate);

/// <summary>Sign up: leave <see cref="VolunteerId"/> out to sign up yourself; coordinators may sign up a volunteer without a phone.</summary>
public sealed record SignUp(Guid? VolunteerId);

/// <summary>The minutes to credit; the clocked minutes when left out.</summary>
public sealed record ConfirmAttendance(int? Minutes, int? MealsDelivered = null);

public sealed record ShiftDto(Guid Id, Guid ProjectId, string RegionCode, string Title, string Place, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<Skill> Skills,
    int Capacity, decimal CreditRate, bool IsCancelled, int Booked, int Waitlisted, SignupDto? Mine, long Version);

public sealed record SignupDto(Guid Id, Guid ShiftId, Guid VolunteerId, string VolunteerName, SignupStatus Status, int? Place, int? WaitlistPosition,
    DateTime SignedUpAt, DateTime? CheckInAt, DateTime? CheckOutAt, int ClockedMinutes, int? ConfirmedMinutes, int? MealsDelivered, DateTime? ConfirmedAt, Guid? CreditTransactionId);

public sealed record ShiftDetail(ShiftDto Shift, IReadOnlyList<SignupDto> Signups);

/// <summary>
/// Shifts and sign-ups: a coordinator posts a shift; volunteers sign up (a numbered place while there is one, the
/// waitlist after that; a freed place goes to the first in line); check-in and check-out by the volunteer; the
/// coordinator confirms attendance, which pays the hours into the volunteer's time-bank account in the same save.
/// </summary>
internal sealed class ShiftHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, IProjectFacts projects, TimeLedger ledger, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ShiftDto> PostAsync(PostShift request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ProjectId == Guid.Empty)
        {
            throw new DomainException("Shift.Project", ErrorKind.Validation, "projectId");
        }

        if (string.IsNullOrWhiteSpace(request.RegionCode) || !await directory.RegionExistsAsync(request.RegionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }

        Coordinators.Require(actor, request.RegionCode);
        var project = await projects.FindAsync(request.ProjectId, ct) ?? throw new DomainException("Shift.Project", ErrorKind.Validation, "projectId");
        if (!project.Covers(request.RegionCode))
        {
            throw new DomainException("Shift.ProjectRegion", ErrorKind.Validation, "regionCode");
        }

        var startsAt = request.StartsAt.ToUniversalTime();
        if (startsAt < Now.AddMinutes(-5))
        {
            throw new DomainException("Shift.InThePast", ErrorKind.Validation, "startsAt");
        }

        var shift = new Shift(request.ProjectId, request.RegionCode, actor.UserName ?? "system", Now);
        shift.Describe(request.Title ?? "", request.Place ?? "", startsAt, request.EndsAt.ToUniversalTime(), request.Skills ?? [], request.Capacity, request.CreditRate ?? 1m);
        db.Add(shift);
        await ledger.AccountOfAsync(AccountKind.ProjectBank, request.ProjectId, project.Title.Length > 100 ? project.Title[..100] : project.Title, request.RegionCode, ct);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(shift, ct);
    }

    public async Task<Page<ShiftDto>> ListAsync(DateOnly? from, DateOnly? to, bool openOnly, PageRequest paging, CancellationToken ct)
    {
        var q = db.Set<Shift>().AsNoTracking();
        if (!actor.IsPlatformAdmin)
        {
            var prefixes = Coordinators.IsCoordinator(actor) ? actor.ScopePrefixes.ToList() : [];
            if (await MeAsync(ct) is { } me)
            {
                prefixes.AddRange(RegionCode.Prefixes([me.RegionCode]));
            }

            q = q.WhereRegionUnder(s => s.RegionCode, prefixes);
        }

        if (from is { } f)
        {
            var start = ChinaTime.Utc(f, TimeOnly.MinValue);
            q = q.Where(s => s.EndsAt >= start);
        }

        if (to is { } t)
        {
            var end = ChinaTime.Utc(t.AddDays(1), TimeOnly.MinValue);
            q = q.Where(s => s.StartsAt < end);
        }

        if (openOnly)
        {
            var now = Now;
            q = q.Where(s => !s.IsCancelled && s.StartsAt > now);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(s => EF.Functions.Like(s.Title, like, "\\") || EF.Functions.Like(s.Place, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await Sorts.Apply(q, paging).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var dtos = new List<ShiftDto>();
        foreach (var shift in rows)
        {
            dtos.Add(await ToDtoAsync(shift, ct));
        }

        return new Page<ShiftDto>(dtos, total, paging.PageNumber, paging.PageSize);
    }

    private static readonly Sorting<Shift> Sorts = new Sorting<Shift>("starts")
        .Add("starts", s => s.StartsAt)
        .Add("title", s => s.Title);

    public async Task<ShiftDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var shift = await VisibleShiftAsync(id, ct);
        var signups = await db.Set<Signup>().AsNoTracking().Where(s => s.ShiftId == id && s.Status != SignupStatus.Cancelled).ToListAsync(ct);
        if (!Coordinators.IsCoordinator(actor) || !actor.Covers(shift.RegionCode))
        {
            var me = await MeAsync(ct);
            signups = signups.Where(s => s.VolunteerId == me?.Id).ToList();
        }

        var waiting = await WaitlistAsync(id, ct);
        return new ShiftDetail(await ToDtoAsync(shift, ct),
            signups.OrderBy(s => s.Status).ThenBy(s => s.Place).ThenBy(s => s.QueueNumber).Select(s => ToDto(s, waiting)).ToList());
    }

    /// <summary>
    /// Signs a volunteer up: refused for a cancelled or started shift, a volunteer without the skills it needs, and one
    /// holding another shift at an overlapping time. A free place is taken at random among the free ones (so that
    /// concurrent sign-ups rarely reach for the same one; the database refuses a second holder and the loser tries again).
    /// </summary>
    public Task<(SignupDto Signup, bool Created)> SignUpAsync(Guid shiftId, SignUp request, CancellationToken ct) => ledger.RetryAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var shift = await VisibleShiftAsync(shiftId, ct);
        var volunteer = await WhoAsync(request.VolunteerId, shift.RegionCode, ct);
        if (shift.IsCancelled || shift.StartsAt <= Now)
        {
            throw DomainException.Conflict("Shift.Closed");
        }

        if (!volunteer.IsActive)
        {
            throw DomainException.Conflict("Volunteer.Inactive");
        }

        if (!volunteer.Has(shift.Skills))
        {
            throw new DomainException("Signup.MissingSkills", ErrorKind.Validation, "volunteerId", volunteer.Name);
        }

        var existing = await db.Set<Signup>().FirstOrDefaultAsync(s => s.ShiftId == shift.Id && s.VolunteerId == volunteer.Id, ct);
        if (existing is { IsActive: true })
        {
            return (ToDto(existing, await WaitlistAsync(shift.Id, ct)), false);
        }

        var clash = await db.Set<Signup>().AsNoTracking()
            .Where(s => s.VolunteerId == volunteer.Id && s.ShiftId != shift.Id && s.Status != SignupStatus.Cancelled && s.StartsAt < shift.EndsAt && s.EndsAt > shift.StartsAt)
            .Join(db.Set<Shift>(), s => s.ShiftId, x => x.Id, (s, x) => x.Title).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw DomainException.Conflict("Signup.Overlap", "volunteerId", volunteer.Name, clash);
        }

        var taken = await db.Set<Signup>().AsNoTracking().Where(s => s.ShiftId == shift.Id && s.Place != null).Select(s => s.Place!.Value).ToListAsync(ct);
        var free = Enumerable.Range(1, shift.Capacity).Except(taken).ToList();
        int? place = free.Count == 0 ? null : free[Random.Shared.Next(free.Count)];
        var queue = Now.Ticks;
        Signup signup;
        if (existing is null)
        {
            signup = new Signup(shift, volunteer, place, queue, Now);
            db.Add(signup);
        }
        else
        {
            signup = existing;
            signup.Requeue(place, queue);
        }

        await db.SaveChangesAsync(ct);
        return (ToDto(signup, await WaitlistAsync(shift.Id, ct)), true);
    }, ct);

    /// <summary>Cancels a sign-up (the volunteer or a coordinator); a freed place goes to the first on the waitlist in the same save.</summary>
    public Task<SignupDto> CancelAsync(Guid signupId, CancellationToken ct) => ledger.RetryAsync(async () =>
    {
        var (signup, shift) = await SignupAsync(signupId, ownOrCoordinator: true, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (signup.Cancel() is { } freed)
        {
            var next = await db.Set<Signup>().Where(s => s.ShiftId == shift.Id && s.Status == SignupStatus.Waitlisted)
                .OrderBy(s => s.QueueNumber).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                // The freed place is written by the second statement; the first must release it before.
                await db.SaveChangesAsync(ct);
                next.Promote(freed);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToDto(signup, []);
    }, ct);

    public Task<SignupDto> CheckInAsync(Guid signupId, CancellationToken ct) => ChangeAsync(signupId, s => s.CheckIn(Now), ct);

    public Task<SignupDto> CheckOutAsync(Guid signupId, CancellationToken ct) => ChangeAsync(signupId, s => s.CheckOut(Now), ct);

    /// <summary>The coordinator confirms attendance; the credited hours (minutes × the shift's rate) go from the project's bank to the volunteer's account, idempotent per sign-up.</summary>
    public Task<SignupDto> ConfirmAsync(Guid signupId, ConfirmAttendance request, CancellationToken ct) => ledger.RetryAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var (signup, shift) = await SignupAsync(signupId, ownOrCoordinator: true, ct);
        Coordinators.Require(actor, shift.RegionCode);
        var minutes = signup.Confirm(request.Minutes, request.MealsDelivered, actor.UserName ?? "system", Now);
        var credit = shift.CreditFor(minutes);
        if (credit > 0)
        {
            var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstAsync(v => v.Id == signup.VolunteerId, ct);
            var person = await ledger.AccountOfAsync(AccountKind.Person, volunteer.Id, volunteer.Name, volunteer.RegionCode, ct);
            var bank = await ledger.AccountOfAsync(AccountKind.ProjectBank, shift.ProjectId, "Project " + shift.ProjectId.ToString("N")[..8], shift.RegionCode, ct);
            var key = "mint:" + signup.Id.ToString("D");
            var t = await ledger.AddAsync(TransactionKind.Mint, key, TimeTransaction.HashOf(key, credit), shift.Title, "signup:" + signup.Id.ToString("D"), null,
                [(bank.Id, -credit), (person.Id, credit)], ct);
            signup.Credited(t.Id);
        }

        await db.SaveChangesAsync(ct);
        return ToDto(signup, []);
    }, ct);

    private async Task<SignupDto> ChangeAsync(Guid signupId, Action<Signup> change, CancellationToken ct)
    {
        var (signup, _) = await SignupAsync(signupId, ownOrCoordinator: true, ct);
        change(signup);
        await db.SaveChangesAsync(ct);
        return ToDto(signup, []);
    }

    /// <summary>The sign-up (tracked) and its shift, for the volunteer themself or a coordinator of the shift's region.</summary>
    private async Task<(Signup Signup, Shift Shift)> SignupAsync(Guid signupId, bool ownOrCoordinator, CancellationToken ct)
    {
        var signup = await db.Set<Signup>().FirstOrDefaultAsync(s => s.Id == signupId, ct) ?? throw DomainException.NotFound("Signup.NotFound");
        var shift = await db.Set<Shift>().AsNoTracking().FirstAsync(s => s.Id == signup.ShiftId, ct);
        var coordinator = Coordinators.IsCoordinator(actor) && actor.Covers(shift.RegionCode);
        if (!coordinator && (!ownOrCoordinator || (await MeAsync(ct))?.Id != signup.VolunteerId))
        {
            throw DomainException.NotFound("Signup.NotFound");
        }

        return (signup, shift);
    }

    /// <summary>The volunteer to sign up: the caller, or (for a coordinator of the region) the one named.</summary>
    private async Task<Volunteer> WhoAsync(Guid? volunteerId, string regionCode, CancellationToken ct)
    {
        if (volunteerId is null)
        {
            return await MeAsync(ct) ?? throw DomainException.Forbidden("Volunteer.NoProfile");
        }

        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct)
            ?? throw new DomainException("Volunteer.NotFound", ErrorKind.Validation, "volunteerId");
        if ((await MeAsync(ct))?.Id == volunteer.Id)
        {
            return volunteer;
        }

        Coordinators.Require(actor, regionCode);
        return actor.Covers(volunteer.RegionCode) ? volunteer : throw new DomainException("Volunteer.NotFound", ErrorKind.Validation, "volunteerId");
    }

    private async Task<Shift> VisibleShiftAsync(Guid id, CancellationToken ct)
    {
        var shift = await db.Set<Shift>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("Shift.NotFound");
        if (actor.Covers(shift.RegionCode) || (await MeAsync(ct)) is { } me && RegionCode.IsWithin(me.RegionCode, shift.RegionCode))
        {
            return shift;
        }

        throw DomainException.NotFound("Shift.NotFound");
    }

    private Volunteer? me;
    private bool meRead;

    /// <summary>The caller's volunteer profile, read once per request (lists ask for it per row).</summary>
    private async Task<Volunteer?> MeAsync(CancellationToken ct)
    {
        if (!meRead)
        {
            var account = actor.AccountId;
            me = account is null ? null : await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.AccountId == account, ct);
            meRead = true;
        }

        return me;
    }

    /// <summary>Waitlisted sign-ups of a shift in the order they will be served.</summary>
    private async Task<List<Guid>> WaitlistAsync(Guid shiftId, CancellationToken ct) =>
        await db.Set<Signup>().AsNoTracking().Where(s => s.ShiftId == shiftId && s.Status == SignupStatus.Waitlisted)
            .OrderBy(s => s.QueueNumber).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);

    private async Task<ShiftDto> ToDtoAsync(Shift s, CancellationToken ct)
    {
        var counts = await db.Set<Signup>().AsNoTracking().Where(x => x.ShiftId == s.Id && x.Status != SignupStatus.Cancelled)
            .GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        SignupDto? mine = null;
        if (await MeAsync(ct) is { } me && await db.Set<Signup>().AsNoTracking().FirstOrDefaultAsync(x => x.ShiftId == s.Id && x.VolunteerId == me.Id, ct) is { } own)
        {
            mine = ToDto(own, own.Status == SignupStatus.Waitlisted ? await WaitlistAsync(s.Id, ct) : []);
        }

        return new ShiftDto(s.Id, s.ProjectId, s.RegionCode, s.Title, s.Place, s.StartsAt, s.EndsAt, s.Skills, s.Capacity, s.CreditRate, s.IsCancelled,
            counts.Where(c => c.Key == SignupStatus.Booked).Sum(c => c.Count), counts.Where(c => c.Key == SignupStatus.Waitlisted).Sum(c => c.Count), mine, s.Version);
    }

    private static SignupDto ToDto(Signup s, List<Guid> waitlist) =>
        new(s.Id, s.ShiftId, s.VolunteerId, s.VolunteerName, s.Status, s.Place, s.Status == SignupStatus.Waitlisted && waitlist.IndexOf(s.Id) is >= 0 and var i ? i + 1 : null,
            s.SignedUpAt, s.CheckInAt, s.CheckOutAt, s.ClockedMinutes(), s.ConfirmedMinutes, s.MealsDelivered, s.ConfirmedAt, s.CreditTransactionId);
}
