using CoCare.Kernel;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Deliberation;
using CoCare.Voice.Features.Feedback;
using CoCare.Voice.Features.ReturnVisits;
using CoCare.Voice.Features.Rules;
using CoCare.Voice.Features.Satisfaction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Voice;

/// <summary>REST endpoints of the Voice module under /api/v1/voice.</summary>
public static class VoiceApi
{
    public static RouteGroupBuilder MapVoiceApi(this RouteGroupBuilder api)
    {
        var voice = api.MapGroup("/voice").WithTags("Voice").RequireAuthorization(VoicePolicies.Read);
        MapDeliberation(voice);
        MapRules(voice);
        MapFeedback(voice);
        voice.MapPost("/ratings", async (RateRequest request, SatisfactionHandlers h, CancellationToken ct) =>
            {
                var r = await h.RateAsync(request, ct);
                return TypedResults.Created($"/api/v1/voice/ratings/{r.Id}", r);
            })
            .WithName("Rate").WithSummary("Record a 1–5 rating of a completed service (subjectId = order) or a meal (subjectId = check-in), or from a survey or return visit (villageCode); once per service or meal.");
        voice.MapGet("/surveys", async (SurveyHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListSurveys").WithSummary("Survey templates with the number of responses and the average of each question (in the caller's regions).");
        voice.MapPost("/surveys", async (SaveSurvey request, SurveyHandlers h, CancellationToken ct) =>
            {
                var s = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/voice/surveys/{s.Id}", s);
            })
            .WithName("CreateSurvey").WithSummary("A survey template: 5-point questions, the first being the overall satisfaction (purchaser, provider, evaluator).");
        voice.MapPost("/surveys/{id:guid}/responses", async (Guid id, AnswerSurvey request, SurveyHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AnswerAsync(id, request, ct)))
            .WithName("AnswerSurvey").WithSummary("Record one elder's answers (1–5 for every question) in a village; the first answer counts in the satisfaction rate.");
        voice.MapGet("/return-visits", async (string? region, ReturnVisitStatus? status, [AsParameters] ListQuery list, ReturnVisitHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(region, status, list.ToPageRequest(), ct)))
            .WithName("ListReturnVisits").WithSummary("Return visits (回访) by due date: Planned, Done or Unreachable.");
        voice.MapPost("/return-visits/{id:guid}", async (Guid id, RecordVisit request, ReturnVisitHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RecordAsync(id, request, ct)))
            .WithName("RecordReturnVisit").WithSummary("Record a return visit: reached with a 1–5 rating and remarks (counted in the satisfaction rate), or unreachable.");
        voice.MapGet("/satisfaction", async (SatisfactionBy? by, string? region, Guid? providerId, DateOnly? from, DateOnly? to, SatisfactionHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.RateOfAsync(by ?? SatisfactionBy.Total, region, providerId, from, to, ct)))
            .WithName("SatisfactionRate").WithSummary("The satisfaction rate (ratings 4–5 ÷ valid ratings), overall and by Provider, ServiceType, ServicePoint, Village or Month.");
        return api;
    }

    /// <summary>What the pages open in the browser (signed in with the cookie): the QR code to print at a service point.</summary>
    public static IEndpointRouteBuilder MapVoiceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/voice/points/{pointId:guid}/qr.svg", async (Guid pointId, HttpContext http, PointQr qr, CancellationToken ct) =>
                TypedResults.Text(await qr.SvgAsync(pointId, $"{http.Request.Scheme}://{http.Request.Host}", ct), "image/svg+xml"))
            .RequireAuthorization(VoicePolicies.Read)
            .ExcludeFromDescription();
        return app;
    }

    private static void MapDeliberation(RouteGroupBuilder voice)
    {
        voice.MapGet("/topics", async (string? region, TopicStatus? status, [AsParameters] ListQuery list, DeliberationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListTopicsAsync(region, status, list.ToPageRequest(), ct)))
            .WithName("ListTopics").WithSummary("Topics in the caller's regions, newest first.");
        voice.MapPost("/topics", async (RaiseTopic request, DeliberationHandlers h, CancellationToken ct) =>
            {
                var t = await h.RaiseTopicAsync(request, ct);
                return TypedResults.Created($"/api/v1/voice/topics/{t.Id}", t);
            })
            .WithName("RaiseTopic").WithSummary("Raise a topic for the village (resident, resident organization, village committee or provider).");
        voice.MapPost("/topics/{id:guid}/support", async (Guid id, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SupportTopicAsync(id, ct)))
            .WithName("SupportTopic").WithSummary("Support a topic (once per account).");
        voice.MapPost("/topics/{id:guid}/withdraw", async (Guid id, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.WithdrawTopicAsync(id, ct)))
            .WithName("WithdrawTopic").WithSummary("Withdraw a topic (who raised it, or a convener).");

        voice.MapGet("/meetings", async (string? region, [AsParameters] ListQuery list, DeliberationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(region, list.ToPageRequest(), ct)))
            .WithName("ListMeetings").WithSummary("Meetings and assemblies, newest first, with the roll's size and attendance.");
        voice.MapPost("/meetings", async (ScheduleMeeting request, DeliberationHandlers h, CancellationToken ct) =>
            {
                var m = await h.ScheduleAsync(request, ct);
                return TypedResults.Created($"/api/v1/voice/meetings/{m.Id}", m);
            })
            .WithName("ScheduleMeeting").WithSummary("Schedule a meeting or assembly with its agenda (topics), quorum rule and the roll of eligible participants (conveners).");
        voice.MapGet("/meetings/{id:guid}", async (Guid id, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetMeeting").WithSummary("A meeting with its roll, attendance, quorum, motions and results.");
        voice.MapPost("/meetings/{id:guid}/participants", async (Guid id, IReadOnlyList<NewParticipant> people, DeliberationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.AddParticipantsAsync(id, people, ct)))
            .WithName("AddParticipants").WithSummary("Add people to the roll (name, household, optional sign-in account).");
        voice.MapPost("/meetings/{id:guid}/open", async (Guid id, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(id, ct)))
            .WithName("OpenMeeting").WithSummary("Open the meeting: motions can be put and voted on.");
        voice.MapPost("/meetings/{id:guid}/attendance", async (Guid id, MarkAttendance request, DeliberationHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.MarkAsync(id, request, ct)))
            .WithName("MarkAttendance").WithSummary("Record attendance: InPerson, Proxy (proxyName and the delegation naming the represented person) or Absent.");
        voice.MapPost("/meetings/{id:guid}/motions", async (Guid id, PutMotion request, DeliberationHandlers h, CancellationToken ct) =>
            {
                var m = await h.PutMotionAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/voice/motions/{m.Id}", m);
            })
            .WithName("PutMotion").WithSummary("Put a motion: text, options (the first is the proposal), majority rule, open or secret ballot.");
        voice.MapPost("/meetings/{id:guid}/close", async (Guid id, CloseMeeting request, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CloseAsync(id, request, ct)))
            .WithName("CloseMeeting").WithSummary("Close the meeting with its minutes (all motions closed first).");
        voice.MapPost("/motions/{id:guid}/votes", async (Guid id, CastVote request, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VoteAsync(id, request, ct)))
            .WithName("Vote").WithSummary("Vote: yourself when on the roll and present (no participantId), or staff record a participant's vote; once per participant across channels.");
        voice.MapPost("/motions/{id:guid}/tally", async (Guid id, EnterTally request, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.TallyAsync(id, request, ct)))
            .WithName("EnterTally").WithSummary("Enter a hand count (votes per option), once per motion.");
        voice.MapPost("/motions/{id:guid}/close", async (Guid id, CloseMotion request, DeliberationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CloseMotionAsync(id, request, ct)))
            .WithName("CloseMotion").WithSummary("Close the vote: the result is computed from the votes (409 without quorum) and the decision recorded.");
    }

    private static void MapRules(RouteGroupBuilder voice)
    {
        voice.MapGet("/decisions/{id:guid}", async (Guid id, RuleHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetDecision").WithSummary("A decision with its motion and count, the meeting and attendance, and the rules it made.");
        voice.MapPost("/decisions/{id:guid}/rules", async (Guid id, MakeRule request, RuleHandlers h, CancellationToken ct) =>
            {
                var r = await h.MakeAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/voice/rules/{r.Id}", r);
            })
            .WithName("MakeRule").WithSummary("Make a rule from a carried decision: CanteenExclusion or CanteenAdmission (elderId, condition) or ServicePriority (category), with validity dates.");
        voice.MapPost("/decisions/{id:guid}/withdraw", async (Guid id, WithdrawDecision request, RuleHandlers h, CancellationToken ct) => TypedResults.Ok(await h.WithdrawAsync(id, request, ct)))
            .WithName("WithdrawDecision").WithSummary("Withdraw a decision with a reason; its rules stop applying.");
        voice.MapGet("/rules", async (string? region, Guid? elderId, RuleHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(region, elderId, ct)))
            .WithName("ListRules").WithSummary("Rules from decisions, newest first, with whether each is in force today.");
    }

    private static void MapFeedback(RouteGroupBuilder voice)
    {
        voice.MapPost("/feedback/public", async (PublicFeedback request, HttpContext http, FeedbackHandlers h, CancellationToken ct) =>
            {
                var s = await h.SubmitPublicAsync(request, http.Connection.RemoteIpAddress?.ToString() ?? "", ct);
                return TypedResults.Created($"/api/v1/voice/feedback/track/{s.TrackingCode}", s);
            })
            .WithName("SubmitPublicFeedback").WithSummary("Send feedback without signing in (public); rate-limited per address (429). Returns the tracking code.").AllowAnonymous();
        voice.MapGet("/feedback/track/{code}", async (string code, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.FollowAsync(code, ct)))
            .WithName("TrackFeedback").WithSummary("Follow feedback with its tracking code (public; no personal data).").AllowAnonymous();
        voice.MapPost("/feedback/track/{code}/reopen", async (string code, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ReopenAsync(code, ct)))
            .WithName("ReopenFeedback").WithSummary("Reopen answered feedback (public, with the tracking code).").AllowAnonymous();
        voice.MapPost("/feedback/track/{code}/rating", async (string code, RateHandling request, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RateAsync(code, request, ct)))
            .WithName("RateFeedbackHandling").WithSummary("Rate the handling 1–5 once resolved (public, with the tracking code).").AllowAnonymous();
        voice.MapGet("/feedback/stats", async (string? region, DateOnly? from, DateOnly? to, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.StatsAsync(region, from, to, ct)))
            .WithName("FeedbackStats").WithSummary("Public statistics: counts by kind, on-time rate, median hours to the first answer; no personal data.").AllowAnonymous();
        voice.MapGet("/feedback/qr/{pointId:guid}", async (Guid pointId, HttpContext http, PointQr qr, CancellationToken ct) =>
                TypedResults.Text(await qr.SvgAsync(pointId, $"{http.Request.Scheme}://{http.Request.Host}", ct), "image/svg+xml"))
            .WithName("FeedbackQrCode").WithSummary("The QR code (SVG) to print at a service point: it opens the public feedback form with the point filled in.");
        voice.MapGet("/feedback", async (string? region, FeedbackStatus? status, bool? overdue, bool? mine, [AsParameters] ListQuery list, FeedbackHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(region, status, overdue == true, mine == true, list.ToPageRequest(), ct)))
            .WithName("ListFeedback").WithSummary("Feedback in the caller's regions or assigned to their organization (sort: received, due; overdue=true; mine=true); phone numbers masked.");
        voice.MapPost("/feedback", async (StaffFeedback request, FeedbackHandlers h, CancellationToken ct) =>
            {
                var s = await h.RecordAsync(request, ct);
                return TypedResults.Created($"/api/v1/voice/feedback/{s.Id}", s);
            })
            .WithName("RecordFeedback").WithSummary("Enter feedback from a phone call, home visit, paper form or a volunteer.");
        voice.MapGet("/feedback/{id:guid}", async (Guid id, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetFeedback").WithSummary("The full record with contact details (the read is audited).");
        voice.MapPost("/feedback/{id:guid}/assign", async (Guid id, AssignFeedback request, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AssignAsync(id, request, ct)))
            .WithName("AssignFeedback").WithSummary("Assign to the organization that must answer (purchaser, provider or village committee).");
        voice.MapPost("/feedback/{id:guid}/answers", async (Guid id, AnswerFeedback request, FeedbackHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AnswerAsync(id, request, ct)))
            .WithName("AnswerFeedback").WithSummary("Answer (members of the assigned organization only); resolve=true closes it.");
    }
}
