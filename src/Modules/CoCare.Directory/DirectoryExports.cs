using CoCare.Directory.Domain;
using CoCare.Directory.Features.Accounts;
using CoCare.Directory.Features.Organizations;
using CoCare.Directory.Features.People;
using CoCare.Directory.Features.Regions;
using CoCare.Directory.Resources;
using CoCare.Kernel;
using CoCare.Ui.Exports;
using CoCare.Ui.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Directory;

/// <summary>The Directory's lists as CSV or XLSX (<c>?format=csv|xlsx</c>), with the same filters as the lists (see <see cref="ListExport"/>).</summary>
public static class DirectoryExports
{
    public static IEndpointRouteBuilder MapDirectoryExports(this IEndpointRouteBuilder exports)
    {
        exports.MapGet("/directory/regions", (string? format, [AsParameters] ListQuery list, string? parent, RegionLevel? level, RegionHandlers h,
                IStringLocalizer<DirectoryText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "regions", Regions(s), list, (p, c) => h.ListAsync(p, parent, level, c), ct))
            .WithName("ExportRegions").WithSummary("The regions list as CSV or XLSX.").RequireAuthorization(DirectoryPolicies.Read);
        exports.MapGet("/directory/organizations", (string? format, [AsParameters] ListQuery list, OrganizationType? type, string? region, bool? includeInactive,
                OrganizationHandlers h, IStringLocalizer<DirectoryText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "organizations", Organizations(s), list, (p, c) => h.ListAsync(p, type, region, includeInactive ?? false, c), ct))
            .WithName("ExportOrganizations").WithSummary("The organizations list as CSV or XLSX.").RequireAuthorization(DirectoryPolicies.Read);
        exports.MapGet("/directory/people", (string? format, [AsParameters] ListQuery list, Guid? organization, bool? includeInactive, PersonHandlers h,
                IStringLocalizer<DirectoryText> s, IStringLocalizer<UiText> ui, CancellationToken ct) =>
                ListExport.ResultAsync(format, "people", People(s, ui), list, (p, c) => h.ListAsync(p, organization, includeInactive ?? false, c), ct))
            .WithName("ExportPeople").WithSummary("The people list as CSV or XLSX.").RequireAuthorization(DirectoryPolicies.Read);
        exports.MapGet("/directory/accounts", (string? format, [AsParameters] ListQuery list, bool? includeInactive, AccountHandlers h,
                IStringLocalizer<DirectoryText> s, CancellationToken ct) =>
                ListExport.ResultAsync(format, "accounts", Accounts(s), list, (p, c) => h.ListAsync(p, includeInactive ?? false, c), ct))
            .WithName("ExportAccounts").WithSummary("The accounts list as CSV or XLSX (no passwords, no tokens).").RequireAuthorization(DirectoryPolicies.Administer);
        return exports;
    }

    private static string Active(IStringLocalizer<DirectoryText> s, bool active) => s[active ? "Status.Active" : "Status.Inactive"];

    private static ExportColumn<RegionDto>[] Regions(IStringLocalizer<DirectoryText> s) =>
    [
        new(s["Field.Code"], r => r.Code),
        new(s["Field.Name"], r => r.Name),
        new(s["Field.Level"], r => s["RegionLevel." + r.Level]),
        new(s["Field.Kind"], r => s["RegionKind." + r.Kind]),
        new(s["Field.Status"], r => Active(s, r.IsActive)),
    ];

    private static ExportColumn<OrganizationDto>[] Organizations(IStringLocalizer<DirectoryText> s) =>
    [
        new(s["Field.Name"], o => o.Name),
        new(s["Field.Type"], o => s["OrgType." + o.Type]),
        new(s["Field.Region"], o => o.RegionName),
        new(s["Field.Code"], o => o.RegionCode),
        new(s["Field.Status"], o => Active(s, o.IsActive)),
    ];

    private static ExportColumn<PersonDto>[] People(IStringLocalizer<DirectoryText> s, IStringLocalizer<UiText> ui) =>
    [
        new(s["Field.Name"], p => p.Name),
        new(s["Field.Position"], p => p.Position),
        new(s["Field.Organization"], p => p.OrganizationName),
        new(s["Field.CareWorker"], p => ListExport.YesNo(ui, p.CareWorker)),
        new(s["Field.CaregiverCertificate"], p => p.CaregiverCertificate),
        new(s["Field.WorkRegion"], p => p.WorkRegionCode),
        new(s["Field.Status"], p => Active(s, p.IsActive)),
    ];

    private static ExportColumn<AccountDto>[] Accounts(IStringLocalizer<DirectoryText> s) =>
    [
        new(s["Field.UserName"], a => a.UserName),
        new(s["Field.DisplayName"], a => a.DisplayName),
        new(s["Field.Memberships"], a => string.Join("；", a.Memberships.Where(m => m.IsActive).Select(m => $"{s["Role." + m.Role]} · {m.OrganizationName} · {m.ScopeRegionCode}"))),
        new(s["Field.Status"], a => a.IsLockedOut ? s["Status.Locked"] : Active(s, a.IsActive)),
    ];
}
