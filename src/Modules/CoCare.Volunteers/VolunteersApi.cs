using CoCare.Kernel;
using CoCare.Volunteers.Domain;
using CoCare.Volunteers.Features.Profiles;
using CoCare.Volunteers.Features.Recognition;
using CoCare.Volunteers.Features.Shifts;
using CoCare.Volunteers.Features.TimeBank;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CoCare.Volunteers;

/// <summary>REST endpoints of the Volunteers module under /api/v1/volunteers and /api/v1/timebank.</summary>
public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/volunteers").WithTags("Volunteers").RequireAuthorization(VolunteersPolicies.Read);
        volunteers.MapGet("/", async (Skill? skill, [AsParameters] ListQuery list, VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(skill, list.ToPageRequest(), ct)))
            .WithName("ListVolunteers").WithSummary("Volunteers in the caller's regions (coordinators); sort: name, joined; q: name; skill: only those with it.");
        volunteers.MapPost("/", async (SaveVolunteer request, VolunteerHandlers h, CancellationToken ct) =>
            {
                var v = await h.SaveAsync(null, request, ct);
                return TypedResults.Created($"/api/v1/volunteers/{v.Id}", v);
            })
            .WithName("AddVolunteer").WithSummary("Register a volunteer (coordinators of the region): name, village, skills, weekdays free, honour-board consent.");
        volunteers.MapGet("/me", async (VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.MeAsync(ct)))
            .WithName("MyVolunteerProfile").WithSummary("The caller's own volunteer profile with time-bank balance (404 when the caller is not a volunteer).");
        volunteers.MapGet("/honour-board", async (string? region, int? year, RecognitionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.BoardAsync(region, year, ct)))
            .WithName("HonourBoard").WithSummary("A village's honour board (public): volunteers who agreed to be shown, by hours, with meals delivered and months active; a calendar year or the last twelve months.")
            .AllowAnonymous();
        volunteers.MapGet("/{id:guid}/certificate", async (Guid id, int? year, RecognitionHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CertificateAsync(id, year, ct)))
            .WithName("VolunteerCertificate").WithSummary("What a volunteer's certificate states (the volunteer or the village's coordinators).");
        volunteers.MapGet("/{id:guid}", async (Guid id, VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetVolunteer").WithSummary("One volunteer's profile, teams and balance.");
        volunteers.MapPut("/{id:guid}", async (Guid id, SaveVolunteer request, VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveAsync(id, request, ct)))
            .WithName("SaveVolunteer").WithSummary("Change a volunteer's profile; send the version you read.");

        var teams = volunteers.MapGroup("/teams");
        teams.MapGet("/", async (VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListTeamsAsync(ct)))
            .WithName("ListTeams").WithSummary("Volunteer teams in the caller's regions.");
        teams.MapPost("/", async (SaveTeam request, VolunteerHandlers h, CancellationToken ct) =>
            {
                var t = await h.SaveTeamAsync(null, request, ct);
                return TypedResults.Created($"/api/v1/volunteers/teams/{t.Id}", t);
            })
            .WithName("AddTeam").WithSummary("Form a team with its members and leader (a leader is always a member).");
        teams.MapPut("/{id:guid}", async (Guid id, SaveTeam request, VolunteerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveTeamAsync(id, request, ct)))
            .WithName("SaveTeam").WithSummary("Rename a team, change its members or leader; send the version you read.");

        var shifts = volunteers.MapGroup("/shifts");
        shifts.MapGet("/", async (DateOnly? from, DateOnly? to, bool? open, [AsParameters] ListQuery list, ShiftHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(from, to, open == true, list.ToPageRequest(), ct)))
            .WithName("ListShifts").WithSummary("Shifts in the caller's regions or village (open=true: not started, not cancelled); sort: starts, title; q: title or place.");
        shifts.MapPost("/", async (PostShift request, ShiftHandlers h, CancellationToken ct) =>
            {
                var s = await h.PostAsync(request, ct);
                return TypedResults.Created($"/api/v1/volunteers/shifts/{s.Id}", s);
            })
            .WithName("PostShift").WithSummary("Post a shift: project, village, what, where, when (UTC), skills needed, places and hours credited per hour.");
        shifts.MapGet("/{id:guid}", async (Guid id, ShiftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetShift").WithSummary("A shift with its sign-ups (a volunteer sees only their own).");
        shifts.MapPost("/{id:guid}/signups", async Task<Results<Created<SignupDto>, Ok<SignupDto>>> (Guid id, SignUp request, ShiftHandlers h, CancellationToken ct) =>
            {
                var (signup, created) = await h.SignUpAsync(id, request, ct);
                return created ? TypedResults.Created($"/api/v1/volunteers/signups/{signup.Id}", signup) : TypedResults.Ok(signup);
            })
            .WithName("SignUp").WithSummary("Sign up (yourself, or a volunteer for a coordinator): a place while there is one (201, Booked), else the waitlist (201, Waitlisted); 200 when already signed up.");

        var signups = volunteers.MapGroup("/signups");
        signups.MapPost("/{id:guid}/cancel", async (Guid id, ShiftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CancelAsync(id, ct)))
            .WithName("CancelSignup").WithSummary("Cancel a sign-up; a freed place goes to the first on the waitlist.");
        signups.MapPost("/{id:guid}/check-in", async (Guid id, ShiftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CheckInAsync(id, ct)))
            .WithName("CheckInShift").WithSummary("Check in (from 30 minutes before the start to the end).");
        signups.MapPost("/{id:guid}/check-out", async (Guid id, ShiftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CheckOutAsync(id, ct)))
            .WithName("CheckOutShift").WithSummary("Check out after checking in.");
        signups.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmAttendance request, ShiftHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ConfirmAsync(id, request, ct)))
            .WithName("ConfirmAttendance").WithSummary("The coordinator confirms attendance (minutes; the clocked minutes when left out); the hours are credited to the volunteer's time-bank account.");

        var bank = api.MapGroup("/timebank").WithTags("Time bank").RequireAuthorization(VolunteersPolicies.Read);
        bank.MapGet("/accounts", async (AccountKind? kind, [AsParameters] ListQuery list, TimeBankHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAccountsAsync(kind, list.ToPageRequest(), ct)))
            .WithName("ListTimeAccounts").WithSummary("Time-bank accounts the caller may see (a volunteer: their own) with balances in hours.");
        bank.MapGet("/accounts/{id:guid}/statement", async (Guid id, [AsParameters] ListQuery list, TimeBankHandlers h, CancellationToken ct) => TypedResults.Ok(await h.StatementAsync(id, list.ToPageRequest(), ct)))
            .WithName("TimeAccountStatement").WithSummary("An account's postings, newest first, with its balance.");
        bank.MapPost("/transfers", async Task<Results<Created<TransactionDto>, Ok<TransactionDto>>> (TransferHours request, TimeBankHandlers h, CancellationToken ct) =>
                Recorded(await h.TransferAsync(request, ct)))
            .WithName("TransferHours").WithSummary("Give hours to another account (idempotent on idempotencyKey: a repeat returns 200, the same key with another body 409).");
        bank.MapPost("/redemptions", async Task<Results<Created<TransactionDto>, Ok<TransactionDto>>> (RedeemHours request, TimeBankHandlers h, CancellationToken ct) =>
                Recorded(await h.RedeemAsync(request, ct)))
            .WithName("RedeemHours").WithSummary("Spend hours on a service for an elder; creates the service request (idempotent on idempotencyKey).");
        bank.MapPost("/transactions/{id:guid}/reverse", async Task<Results<Created<TransactionDto>, Ok<TransactionDto>>> (Guid id, ReverseTransaction request, TimeBankHandlers h, CancellationToken ct) =>
                Recorded(await h.ReverseAsync(id, request, ct)))
            .WithName("ReverseTransaction").WithSummary("Undo a transaction with the opposite postings (coordinators; once; the ledger is never edited).");
        bank.MapGet("/verify", async (TimeBankHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VerifyAsync(ct)))
            .WithName("VerifyTimeBank").WithSummary("The ledger's self-check: postings sum to zero, each transaction balances, each balance equals its postings.")
            .RequireAuthorization(VolunteersPolicies.Verify);
        return api;
    }

    private static Results<Created<TransactionDto>, Ok<TransactionDto>> Recorded((TransactionDto Transaction, bool Created) result) =>
        result.Created ? TypedResults.Created($"/api/v1/timebank/transactions/{result.Transaction.Id}", result.Transaction) : TypedResults.Ok(result.Transaction);
}
