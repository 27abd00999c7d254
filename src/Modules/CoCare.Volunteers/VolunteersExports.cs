using CoCare.Kernel;
using CoCare.Ui;
using CoCare.Ui.Exports;
using CoCare.Ui.Resources;
using CoCare.Volunteers.Domain;
using CoCare.Volunteers.Features.Profiles;
using CoCare.Volunteers.Features.Shifts;
using CoCare.Volunteers.Features.TimeBank;
using CoCare.Volunteers.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Volunteers;

/// <summary>The Volunteers lists (volunteers, shifts, time-bank accounts) as CSV or XLSX (<c>?format=csv|xlsx</c>), with the lists' filters (see <see cref="ListExport"/>).</summary>
public static class VolunteersExports
{
    public static IEndpointRouteBuilder MapVolunteersExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/volunteers", (string? format, Skill? skill, [AsParameters] ListQuery list, VolunteerHandlers h, IStringLocalizer<VolunteersText> s,
                IStringLocalizer<UiText> ui, CancellationToken ct) =>
                ListExport.ResultAsync(format, "volunteers", Volunteers(s, ui), list, (p, c) => h.ListAsync(skill, p, c), ct))
            .WithName("ExportVolunteers").WithSummary("The volunteers list as CSV or XLSX.").RequireAuthorization(VolunteersPolicies.Read);
        exports.MapGet("/volunteers/shifts", (string? format, DateOnly? from, DateOnly? to, bool? open, [AsParameters] ListQuery list, ShiftHandlers h,
                IStringLocalizer<VolunteersText> s, IStringLocalizer<UiText> ui, CancellationToken ct) =>
                ListExport.ResultAsync(format, "shifts", Shifts(s, ui), list, (p, c) => h.ListAsync(from, to, open == true, p, c), ct))
            .WithName("ExportShifts").WithSummary("The shifts list as CSV or XLSX.").RequireAuthorization(VolunteersPolicies.Read);
        exports.MapGet("/timebank/accounts", (string? format, AccountKind? kind, [AsParameters] ListQuery list, TimeBankHandlers h,
                IStringLocalizer<VolunteersText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "time-accounts", Accounts(s), list, (p, c) => h.ListAccountsAsync(kind, p, c), ct))
            .WithName("ExportTimeAccounts").WithSummary("The time-bank accounts with balances in hours as CSV or XLSX.").RequireAuthorization(VolunteersPolicies.Read);
        exports.MapGet("/timebank/accounts/{id:guid}/statement", (Guid id, string? format, [AsParameters] ListQuery list, TimeBankHandlers h,
                IStringLocalizer<VolunteersText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "statement", Statement(s), list, async (p, c) => (await h.StatementAsync(id, p, c)).Lines, ct))
            .WithName("ExportTimeAccountStatement").WithSummary("A time-bank account's statement as CSV or XLSX (hours, newest first).").RequireAuthorization(VolunteersPolicies.Read);
        return exports;
    }

    private static ExportColumn<StatementLine>[] Statement(IStringLocalizer<VolunteersText> s) =>
    [
        new(s["Export.Time"], l => Format.Time(l.At)),
        new(s["Export.TransactionKind"], l => s["TransactionKind." + l.Kind]),
        new(s["Export.Memo"], l => l.Memo),
        new(s["Export.Hours"], l => l.Hours),
    ];

    private static string Skills(IStringLocalizer<VolunteersText> s, IEnumerable<Skill> skills) => string.Join("、", skills.Select(k => s["Skill." + k].Value));

    private static ExportColumn<VolunteerDto>[] Volunteers(IStringLocalizer<VolunteersText> s, IStringLocalizer<UiText> ui) =>
    [
        new(s["Export.Name"], v => v.Name),
        new(s["Board.Region"], v => v.RegionCode),
        new(s["Export.Skills"], v => Skills(s, v.Skills)),
        new(s["Export.Teams"], v => string.Join("、", v.Teams)),
        new(s["Export.JoinedOn"], v => Format.Day(v.JoinedOn)),
        new(s["Export.BalanceHours"], v => v.Balance),
        new(s["Export.Active"], v => ListExport.YesNo(ui, v.IsActive)),
    ];

    private static ExportColumn<ShiftDto>[] Shifts(IStringLocalizer<VolunteersText> s, IStringLocalizer<UiText> ui) =>
    [
        new(s["Board.ShiftTitle"], x => x.Title),
        new(s["Board.Place"], x => x.Place),
        new(s["Board.Region"], x => x.RegionCode),
        new(s["Board.From"], x => Format.Time(x.StartsAt)),
        new(s["Board.To"], x => Format.Time(x.EndsAt)),
        new(s["Export.Skills"], x => Skills(s, x.Skills)),
        new(s["Board.Capacity"], x => x.Capacity),
        new(s["Export.Booked"], x => x.Booked),
        new(s["Export.Waitlisted"], x => x.Waitlisted),
        new(s["Board.Rate"], x => x.CreditRate),
        new(s["Export.Cancelled"], x => ListExport.YesNo(ui, x.IsCancelled)),
    ];

    private static ExportColumn<AccountDto>[] Accounts(IStringLocalizer<VolunteersText> s) =>
    [
        new(s["Export.AccountName"], a => a.Name),
        new(s["Export.AccountKind"], a => s["AccountKind." + a.Kind]),
        new(s["Board.Region"], a => a.RegionCode),
        new(s["Export.BalanceHours"], a => a.Balance),
        new(s["Export.FloorHours"], a => a.Floor),
    ];
}
