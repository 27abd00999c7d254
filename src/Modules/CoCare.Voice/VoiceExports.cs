using CoCare.Kernel;
using CoCare.Ui;
using CoCare.Ui.Exports;
using CoCare.Ui.Resources;
using CoCare.Voice.Domain;
using CoCare.Voice.Features.Deliberation;
using CoCare.Voice.Features.Feedback;
using CoCare.Voice.Features.ReturnVisits;
using CoCare.Voice.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Voice;

/// <summary>
/// The Voice lists (feedback, return visits, topics, meetings) as CSV or XLSX (<c>?format=csv|xlsx</c>), with the
/// lists' filters (see <see cref="ListExport"/>). Feedback carries no name and only the masked phone, as on the desk.
/// </summary>
public static class VoiceExports
{
    public static IEndpointRouteBuilder MapVoiceExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/voice/feedback", (string? format, string? region, FeedbackStatus? status, bool? overdue, bool? mine, [AsParameters] ListQuery list,
                FeedbackHandlers h, IStringLocalizer<VoiceText> s, IStringLocalizer<UiText> ui, CancellationToken ct) =>
                ListExport.ResultAsync(format, "feedback", Feedback(s, ui), list, (p, c) => h.ListAsync(region, status, overdue == true, mine == true, p, c), ct))
            .WithName("ExportFeedback").WithSummary("The feedback desk's list as CSV or XLSX (phones masked).").RequireAuthorization(VoicePolicies.Read);
        exports.MapGet("/voice/return-visits", (string? format, string? region, ReturnVisitStatus? status, [AsParameters] ListQuery list, ReturnVisitHandlers h,
                IStringLocalizer<VoiceText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "return-visits", ReturnVisits(s), list, (p, c) => h.ListAsync(region, status, p, c), ct))
            .WithName("ExportReturnVisits").WithSummary("The return visits as CSV or XLSX.").RequireAuthorization(VoicePolicies.Read);
        exports.MapGet("/voice/topics", (string? format, string? region, TopicStatus? status, [AsParameters] ListQuery list, DeliberationHandlers h,
                IStringLocalizer<VoiceText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "topics", Topics(s), list, (p, c) => h.ListTopicsAsync(region, status, p, c), ct))
            .WithName("ExportTopics").WithSummary("The topics raised for the village's meetings as CSV or XLSX.").RequireAuthorization(VoicePolicies.Read);
        exports.MapGet("/voice/meetings", (string? format, string? region, [AsParameters] ListQuery list, DeliberationHandlers h, IStringLocalizer<VoiceText> s,
                CancellationToken ct) =>
                ListExport.ResultAsync(format, "meetings", Meetings(s), list, (p, c) => h.ListAsync(region, p, c), ct))
            .WithName("ExportMeetings").WithSummary("The meetings and assemblies as CSV or XLSX.").RequireAuthorization(VoicePolicies.Read);
        return exports;
    }

    private static ExportColumn<FeedbackRow>[] Feedback(IStringLocalizer<VoiceText> s, IStringLocalizer<UiText> ui) =>
    [
        new(s["Track.Code"], f => f.TrackingCode),
        new(s["Track.Received"], f => Format.Time(f.ReceivedAt)),
        new(s["Export.Kind"], f => s["Kind." + f.Kind]),
        new(s["Desk.Channel"], f => s["Channel." + f.Channel]),
        new(s["Export.Text"], f => f.Text),
        new(s["Export.Anonymous"], f => ListExport.YesNo(ui, f.Anonymous)),
        new(s["Export.Phone"], f => f.ContactPhoneMasked),
        new(s["Export.AssignedTo"], f => f.AssignedOrganization),
        new(s["Track.Status"], f => s["FeedbackStatus." + f.Status]),
        new(s["Track.Due"], f => Format.Time(f.DueAt)),
        new(s["Track.Overdue"], f => ListExport.YesNo(ui, f.Overdue)),
        new(s["Export.FirstAnswer"], f => f.FirstAnsweredAt is null ? null : Format.Time(f.FirstAnsweredAt)),
        new(s["Export.Reopened"], f => f.Reopened),
        new(s["Export.Rating"], f => f.Rating),
        new(s["Export.Region"], f => f.RegionCode),
    ];

    private static ExportColumn<ReturnVisitDto>[] ReturnVisits(IStringLocalizer<VoiceText> s) =>
    [
        new(s["Export.DueOn"], v => Format.Day(v.DueOn)),
        new(s["Export.Region"], v => v.VillageCode),
        new(s["Export.Service"], v => v.ServiceTypeCode),
        new(s["Export.Completed"], v => Format.Time(v.CompletedAt)),
        new(s["Track.Status"], v => s["ReturnVisitStatus." + v.Status]),
        new(s["Visits.Score"], v => v.Score),
        new(s["Visits.Remarks"], v => v.Remarks),
        new(s["Export.RecordedAt"], v => v.RecordedAt is null ? null : Format.Time(v.RecordedAt)),
    ];

    private static ExportColumn<TopicDto>[] Topics(IStringLocalizer<VoiceText> s) =>
    [
        new(s["Home.TopicTitle"], t => t.Title),
        new(s["Home.TopicDescription"], t => t.Description),
        new(s["Home.RaisedBy"], t => $"{s["RaisedBy." + t.RaisedBy]} · {t.RaisedByName}"),
        new(s["Export.Supporters"], t => t.Supporters),
        new(s["Track.Status"], t => s["TopicStatus." + t.Status]),
        new(s["Track.Received"], t => Format.Time(t.RaisedAt)),
        new(s["Home.Region"], t => t.RegionCode),
    ];

    private static ExportColumn<MeetingSummary>[] Meetings(IStringLocalizer<VoiceText> s) =>
    [
        new(s["Home.MeetingTitle"], m => m.Title),
        new(s["Home.Time"], m => Format.Time(m.StartsAt)),
        new(s["Home.Place"], m => m.Place),
        new(s["Track.Status"], m => s["Status." + m.Status]),
        new(s["Export.Eligible"], m => m.Eligible),
        new(s["Export.Present"], m => m.Present),
        new(s["Home.Region"], m => m.RegionCode),
    ];
}
