using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Voice.Features.Deliberation;

public sealed record RaiseTopic(string RegionCode, string Title, string? Description, RaisedBy RaisedBy, string? RaisedByName, Guid? CollectiveIssueId);

public sealed record TopicDto(Guid Id, string RegionCode, string Title, string Description, RaisedBy RaisedBy, string RaisedByName, Guid? CollectiveIssueId,
    int Supporters, TopicStatus Status, DateTime RaisedAt);

public sealed record NewParticipant(string Name, string? Household, string? AccountId);

public sealed record ScheduleMeeting(string RegionCode, Guid? ConvenerOrganizationId, string Title, string? Place, DateTime StartsAt, QuorumRule Quorum,
    IReadOnlyList<Guid>? TopicIds, IReadOnlyList<NewParticipant>? Participants);

public sealed record MarkAttendance(Guid ParticipantId, Attendance Attendance, string? ProxyName, string? Delegation);

public sealed record PutMotion(Guid? TopicId, string Text, IReadOnlyList<string>? Options, MajorityRule Majority, bool Secret);

public sealed record CastVote(string Option, Guid? ParticipantId);

public sealed record EnterTally(IReadOnlyList<int>? Counts);

public sealed record CloseMotion(string DecisionTitle);

public sealed record CloseMeeting(string Minutes);

public sealed record ParticipantDto(Guid Id, string Name, string Household, bool HasAccount, Attendance Attendance, string? ProxyName, string? Delegation);

/// <summary>A motion with its votes so far (counts only for an open ballot until it closes) and the result once closed.</summary>
public sealed record MotionDto(Guid Id, Guid? TopicId, string Text, IReadOnlyList<string> Options, MajorityRule Majority, bool Secret, MotionStatus Status,
    int Ballots, bool Tallied, IReadOnlyList<int> Counts, bool Carried, Guid? DecisionId, string? MyVote);

public sealed record MeetingSummary(Guid Id, string RegionCode, string Title, string Place, DateTime StartsAt, MeetingStatus Status, int Eligible, int Present);

public sealed record MeetingDetail(Guid Id, string RegionCode, string Title, string Place, DateTime StartsAt, string Convener, QuorumRule Quorum, MeetingStatus Status,
    int Eligible, int Present, int QuorumNeeded, bool HasQuorum, string Minutes, IReadOnlyList<TopicDto> Topics, IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<MotionDto> Motions, bool CanConvene, Guid? MyParticipantId);

/// <summary>
/// Deliberation: topics, meetings and assemblies with their roll and attendance, motions and votes through three
/// channels, and decisions computed from the votes. Village committees, resident organizations (and administrators)
/// convene and record within their regions; residents on the roll vote for themselves when signed in.
/// </summary>
internal sealed class DeliberationHandlers(AppDbContext db, CurrentActor actor, IDirectory directory, TimeProvider clock)
{
    public const int MaxRoll = 2000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TopicDto> RaiseTopicAsync(RaiseTopic request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireRegionAsync(request.RegionCode, ct);
        if (!actor.Covers(request.RegionCode))
        {
            throw DomainException.Forbidden("Voice.OutsideRegion");
        }

        if (!Enum.IsDefined(request.RaisedBy))
        {
            throw new DomainException("Topic.RaisedBy", ErrorKind.Validation, "raisedBy");
        }

        var name = string.IsNullOrWhiteSpace(request.RaisedByName) ? actor.UserName ?? "" : request.RaisedByName.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new DomainException("Topic.RaisedByName", ErrorKind.Validation, "raisedByName");
        }

        var topic = new Topic(request.RegionCode, request.RaisedBy, name, request.CollectiveIssueId, actor.UserName ?? "system", Now);
        topic.Describe(request.Title ?? "", request.Description);
        db.Add(topic);
        await db.SaveChangesAsync(ct);
        return ToDto(topic);
    }

    public async Task<Page<TopicDto>> ListTopicsAsync(string? region, TopicStatus? status, PageRequest paging, CancellationToken ct)
    {
        var q = Scoped(db.Set<Topic>().AsNoTracking(), t => t.RegionCode, region);
        if (status is { } s)
        {
            q = q.Where(t => t.Status == s);
        }

        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(t => EF.Functions.Like(t.Title, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.RaisedAt).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<TopicDto>(rows.Select(ToDto).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<TopicDto> SupportTopicAsync(Guid id, CancellationToken ct)
    {
        var topic = await TopicAsync(id, ct);
        topic.Support(actor.AccountId ?? throw DomainException.Forbidden("Voice.OutsideRegion"));
        await db.SaveChangesAsync(ct);
        return ToDto(topic);
    }

    public async Task<TopicDto> WithdrawTopicAsync(Guid id, CancellationToken ct)
    {
        var topic = await TopicAsync(id, ct);
        if (topic.RecordedBy != actor.UserName)
        {
            Conveners.Require(actor, topic.RegionCode);
        }

        topic.Withdraw();
        await db.SaveChangesAsync(ct);
        return ToDto(topic);
    }

    public async Task<MeetingDetail> ScheduleAsync(ScheduleMeeting request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireRegionAsync(request.RegionCode, ct);
        Conveners.Require(actor, request.RegionCode);
        var convener = request.ConvenerOrganizationId ?? actor.PrimaryOrganizationId ?? throw new DomainException("Meeting.Convener", ErrorKind.Validation, "convenerOrganizationId");
        if (await directory.FindOrganizationAsync(convener, ct) is null)
        {
            throw new DomainException("Meeting.Convener", ErrorKind.Validation, "convenerOrganizationId");
        }

        var roll = request.Participants ?? [];
        if (roll.Count > MaxRoll)
        {
            throw new DomainException("Meeting.RollTooLong", ErrorKind.Validation, "participants", MaxRoll);
        }

        var topicIds = (request.TopicIds ?? []).Distinct().ToList();
        var topics = await db.Set<Topic>().Where(t => topicIds.Contains(t.Id)).ToListAsync(ct);
        if (topics.Count != topicIds.Count || topics.Any(t => !RegionCode.IsWithin(t.RegionCode, request.RegionCode) && !RegionCode.IsWithin(request.RegionCode, t.RegionCode)))
        {
            throw new DomainException("Meeting.Topics", ErrorKind.Validation, "topicIds");
        }

        var meeting = new Meeting(request.RegionCode, convener, actor.UserName ?? "system");
        meeting.Describe(request.Title ?? "", request.Place, request.StartsAt.ToUniversalTime(), request.Quorum, topicIds);
        db.Add(meeting);
        topics.ForEach(t => t.Schedule());
        AddParticipants(meeting, roll);
        await db.SaveChangesAsync(ct);
        return await GetAsync(meeting.Id, ct);
    }

    public async Task<MeetingDetail> AddParticipantsAsync(Guid meetingId, IReadOnlyList<NewParticipant>? people, CancellationToken ct)
    {
        var meeting = await MeetingAsync(meetingId, ct);
        Conveners.Require(actor, meeting.RegionCode);
        if (meeting.Status == MeetingStatus.Closed)
        {
            throw DomainException.Conflict("Meeting.Closed");
        }

        var count = await db.Set<Participant>().CountAsync(p => p.MeetingId == meetingId, ct);
        if (count + (people?.Count ?? 0) > MaxRoll)
        {
            throw new DomainException("Meeting.RollTooLong", ErrorKind.Validation, "participants", MaxRoll);
        }

        AddParticipants(meeting, people ?? []);
        await db.SaveChangesAsync(ct);
        return await GetAsync(meetingId, ct);
    }

    public async Task<Page<MeetingSummary>> ListAsync(string? region, PageRequest paging, CancellationToken ct)
    {
        var q = Scoped(db.Set<Meeting>().AsNoTracking(), m => m.RegionCode, region);
        if (paging.Search is { } search)
        {
            var like = QueryScope.LikeContains(search);
            q = q.Where(m => EF.Functions.Like(m.Title, like, "\\"));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(m => m.Id).ToList();
        var roll = await db.Set<Participant>().AsNoTracking().Where(p => ids.Contains(p.MeetingId))
            .GroupBy(p => p.MeetingId)
            .Select(g => new { g.Key, Eligible = g.Count(), Present = g.Count(p => p.Attendance != Attendance.Absent) })
            .ToDictionaryAsync(x => x.Key, ct);
        return new Page<MeetingSummary>(rows.Select(m => new MeetingSummary(m.Id, m.RegionCode, m.Title, m.Place, m.StartsAt, m.Status,
            roll.TryGetValue(m.Id, out var r) ? r.Eligible : 0, r?.Present ?? 0)).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    public async Task<MeetingDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("Meeting.NotFound");
        RequireReader(meeting.RegionCode);
        var participants = await db.Set<Participant>().AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Household).ThenBy(p => p.Name).ToListAsync(ct);
        var motions = await db.Set<Motion>().AsNoTracking().Where(m => m.MeetingId == id).OrderBy(m => m.OpenedAt).ToListAsync(ct);
        var motionIds = motions.Select(m => m.Id).ToList();
        var ballots = await db.Set<Ballot>().AsNoTracking().Where(b => motionIds.Contains(b.MotionId)).Select(b => new { b.MotionId, b.ParticipantId, b.Option }).ToListAsync(ct);
        var tallies = await db.Set<Tally>().AsNoTracking().Where(t => motionIds.Contains(t.MotionId)).Select(t => t.MotionId).ToListAsync(ct);
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => motionIds.Contains(d.MotionId)).ToDictionaryAsync(d => d.MotionId, d => d.Id, ct);
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => meeting.TopicIds.Contains(t.Id)).ToListAsync(ct);
        var convener = await directory.FindOrganizationAsync(meeting.ConvenerOrganizationId, ct);
        var me = actor.AccountId is { } account ? participants.FirstOrDefault(p => p.AccountId == account) : null;
        var eligible = participants.Count;
        var present = participants.Count(p => p.IsPresent);
        var canConvene = Conveners.Covers(actor, meeting.RegionCode);
        return new MeetingDetail(meeting.Id, meeting.RegionCode, meeting.Title, meeting.Place, meeting.StartsAt, convener?.Name ?? "?", meeting.Quorum, meeting.Status,
            eligible, present, Quorums.Needed(meeting.Quorum, eligible), meeting.HasQuorum(eligible, present), meeting.Minutes, topics.Select(ToDto).ToList(),
            participants.Select(p => new ParticipantDto(p.Id, p.Name, p.Household, p.AccountId is not null, p.Attendance, p.ProxyName, canConvene ? p.Delegation : null)).ToList(),
            motions.Select(m => new MotionDto(m.Id, m.TopicId, m.Text, m.Options, m.Majority, m.Secret, m.Status, ballots.Count(b => b.MotionId == m.Id),
                tallies.Contains(m.Id), m.Counts, m.Carried, decisions.TryGetValue(m.Id, out var d) ? d : null,
                me is null ? null : ballots.FirstOrDefault(b => b.MotionId == m.Id && b.ParticipantId == me.Id)?.Option)).ToList(),
            canConvene, me?.Id);
    }

    public async Task<MeetingDetail> OpenAsync(Guid id, CancellationToken ct)
    {
        var meeting = await MeetingAsync(id, ct);
        Conveners.Require(actor, meeting.RegionCode);
        meeting.Open();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Staff take attendance: in person, or by a proxy with the delegation that names the represented person.</summary>
    public async Task<ParticipantDto> MarkAsync(Guid meetingId, MarkAttendance request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meeting = await MeetingAsync(meetingId, ct);
        Conveners.Require(actor, meeting.RegionCode);
        if (meeting.Status == MeetingStatus.Closed)
        {
            throw DomainException.Conflict("Meeting.Closed");
        }

        var participant = await db.Set<Participant>().FirstOrDefaultAsync(p => p.Id == request.ParticipantId && p.MeetingId == meetingId, ct)
            ?? throw new DomainException("Participant.NotFound", ErrorKind.Validation, "participantId");
        participant.MarkAttendance(request.Attendance, request.ProxyName, request.Delegation);
        await db.SaveChangesAsync(ct);
        return new ParticipantDto(participant.Id, participant.Name, participant.Household, participant.AccountId is not null, participant.Attendance, participant.ProxyName,
            participant.Delegation);
    }

    public async Task<MotionDto> PutMotionAsync(Guid meetingId, PutMotion request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meeting = await MeetingAsync(meetingId, ct);
        Conveners.Require(actor, meeting.RegionCode);
        meeting.RequireInSession();
        if (request.TopicId is { } topic && !meeting.TopicIds.Contains(topic))
        {
            throw new DomainException("Motion.Topic", ErrorKind.Validation, "topicId");
        }

        var motion = new Motion(meetingId, request.TopicId, request.Text ?? "", request.Options ?? ["同意", "不同意", "弃权"], request.Majority, request.Secret, Now);
        db.Add(motion);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(meetingId, ct)).Motions.Single(m => m.Id == motion.Id);
    }

    /// <summary>
    /// A vote: by the signed-in resident on the roll (no participant given), or recorded by staff for a participant.
    /// One vote per participant and motion across channels (a unique index); only those present vote.
    /// </summary>
    public async Task<MotionDto> VoteAsync(Guid motionId, CastVote request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (motion, meeting) = await MotionAsync(motionId, ct);
        Participant participant;
        VoteChannel channel;
        if (request.ParticipantId is { } id)
        {
            Conveners.Require(actor, meeting.RegionCode);
            participant = await db.Set<Participant>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.MeetingId == meeting.Id, ct)
                ?? throw new DomainException("Participant.NotFound", ErrorKind.Validation, "participantId");
            channel = VoteChannel.StaffRecorded;
        }
        else
        {
            var account = actor.AccountId ?? "";
            participant = await db.Set<Participant>().AsNoTracking().FirstOrDefaultAsync(p => p.MeetingId == meeting.Id && p.AccountId == account, ct)
                ?? throw DomainException.Forbidden("Vote.NotEligible");
            channel = VoteChannel.Online;
        }

        meeting.RequireInSession();
        motion.RequireOpen();
        motion.RequireOption(request.Option ?? "");
        if (!participant.IsPresent)
        {
            throw DomainException.Conflict("Vote.NotPresent", null, participant.Name);
        }

        if (await db.Set<Ballot>().AnyAsync(b => b.MotionId == motionId && b.ParticipantId == participant.Id, ct))
        {
            throw DomainException.Conflict("Vote.Twice", null, participant.Name);
        }

        await RequireRoomForVotesAsync(motion, meeting, 1, ct);
        db.Add(new Ballot(motionId, participant.Id, request.Option!, channel, actor.UserName ?? "system", Now));
        await db.SaveChangesAsync(ct);
        return (await GetAsync(meeting.Id, ct)).Motions.Single(m => m.Id == motionId);
    }

    /// <summary>A hand count entered by staff, once per motion; with the ballots it may not exceed those present.</summary>
    public async Task<MotionDto> TallyAsync(Guid motionId, EnterTally request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (motion, meeting) = await MotionAsync(motionId, ct);
        Conveners.Require(actor, meeting.RegionCode);
        meeting.RequireInSession();
        motion.RequireOpen();
        var counts = request.Counts ?? [];
        if (counts.Count != motion.Options.Count)
        {
            throw new DomainException("Tally.Counts", ErrorKind.Validation, "counts", motion.Options.Count);
        }

        if (await db.Set<Tally>().AnyAsync(t => t.MotionId == motionId, ct))
        {
            throw DomainException.Conflict("Tally.Twice");
        }

        var tally = new Tally(motionId, counts, actor.UserName ?? "system", Now);
        await RequireRoomForVotesAsync(motion, meeting, counts.Sum(), ct);
        db.Add(tally);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(meeting.Id, ct)).Motions.Single(m => m.Id == motionId);
    }

    /// <summary>Closes the vote: the result is computed from ballots and the tally; refused without quorum. The decision is recorded with it.</summary>
    public async Task<MotionDto> CloseMotionAsync(Guid motionId, CloseMotion request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (motion, meeting) = await MotionAsync(motionId, ct);
        Conveners.Require(actor, meeting.RegionCode);
        meeting.RequireInSession();
        var (eligible, present) = await RollAsync(meeting.Id, ct);
        var counts = await CountsAsync(motion, ct);
        motion.Close(meeting, eligible, present, counts, Now);
        var decision = new Decision(motion, meeting, string.IsNullOrWhiteSpace(request.DecisionTitle) ? motion.Text : request.DecisionTitle, Now);
        db.Add(decision);
        if (motion.TopicId is { } topicId && await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == topicId, ct) is { } topic)
        {
            topic.Decided();
        }

        await db.SaveChangesAsync(ct);
        return (await GetAsync(meeting.Id, ct)).Motions.Single(m => m.Id == motionId);
    }

    public async Task<MeetingDetail> CloseAsync(Guid id, CloseMeeting request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meeting = await MeetingAsync(id, ct);
        Conveners.Require(actor, meeting.RegionCode);
        if (await db.Set<Motion>().AnyAsync(m => m.MeetingId == id && m.Status == MotionStatus.Open, ct))
        {
            throw DomainException.Conflict("Meeting.OpenMotions");
        }

        meeting.Close(request.Minutes ?? "");
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task<List<int>> CountsAsync(Motion motion, CancellationToken ct)
    {
        var ballots = await db.Set<Ballot>().AsNoTracking().Where(b => b.MotionId == motion.Id).GroupBy(b => b.Option)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var tally = await db.Set<Tally>().AsNoTracking().FirstOrDefaultAsync(t => t.MotionId == motion.Id, ct);
        return motion.Options.Select((o, i) => ballots.GetValueOrDefault(o) + (tally?.Counts.ElementAtOrDefault(i) ?? 0)).ToList();
    }

    private async Task RequireRoomForVotesAsync(Motion motion, Meeting meeting, int adding, CancellationToken ct)
    {
        var (_, present) = await RollAsync(meeting.Id, ct);
        var cast = (await CountsAsync(motion, ct)).Sum();
        if (cast + adding > present)
        {
            throw DomainException.Conflict("Vote.MoreThanPresent", null, cast + adding, present);
        }
    }

    private async Task<(int Eligible, int Present)> RollAsync(Guid meetingId, CancellationToken ct)
    {
        var roll = await db.Set<Participant>().AsNoTracking().Where(p => p.MeetingId == meetingId).Select(p => p.Attendance).ToListAsync(ct);
        return (roll.Count, roll.Count(a => a != Attendance.Absent));
    }

    private void AddParticipants(Meeting meeting, IReadOnlyList<NewParticipant> people)
    {
        foreach (var p in people)
        {
            db.Add(new Participant(meeting.Id, p?.Name ?? "", p?.Household, p?.AccountId));
        }
    }

    private async Task<Topic> TopicAsync(Guid id, CancellationToken ct)
    {
        var topic = await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Topic.NotFound");
        RequireReader(topic.RegionCode);
        return topic;
    }

    private async Task<Meeting> MeetingAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("Meeting.NotFound");
        RequireReader(meeting.RegionCode);
        return meeting;
    }

    private async Task<(Motion Motion, Meeting Meeting)> MotionAsync(Guid id, CancellationToken ct)
    {
        var motion = await db.Set<Motion>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("Motion.NotFound");
        return (motion, await MeetingAsync(motion.MeetingId, ct));
    }

    private void RequireReader(string regionCode)
    {
        if (!actor.Covers(regionCode))
        {
            throw DomainException.NotFound("Meeting.NotFound");
        }
    }

    private async Task RequireRegionAsync(string? regionCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(regionCode) || !await directory.RegionExistsAsync(regionCode, ct))
        {
            throw new DomainException("Region.Unknown", ErrorKind.Validation, "regionCode");
        }
    }

    private IQueryable<T> Scoped<T>(IQueryable<T> q, System.Linq.Expressions.Expression<Func<T, string>> regionCode, string? region)
    {
        if (!actor.IsPlatformAdmin)
        {
            q = q.WhereRegionUnder(regionCode, actor.ScopePrefixes);
        }

        return region is { Length: > 0 } ? q.WhereRegionUnder(regionCode, RegionCode.Prefixes([region])) : q;
    }

    private static TopicDto ToDto(Topic t) =>
        new(t.Id, t.RegionCode, t.Title, t.Description, t.RaisedBy, t.RaisedByName, t.CollectiveIssueId, t.Supporters.Count, t.Status, t.RaisedAt);
}

/// <summary>Who convenes meetings and records votes: village committees and resident organizations (and administrators), within their regions.</summary>
internal static class Conveners
{
    public static bool Covers(CurrentActor actor, string regionCode) =>
        (actor.IsPlatformAdmin || actor.IsInRole(Roles.VillageCommittee) || actor.IsInRole(Roles.ResidentOrganization)) && actor.Covers(regionCode);

    public static void Require(CurrentActor actor, string regionCode)
    {
        if (!Covers(actor, regionCode))
        {
            throw DomainException.Forbidden("Voice.ConvenersOnly");
        }
    }
}
