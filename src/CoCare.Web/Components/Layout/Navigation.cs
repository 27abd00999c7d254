using CoCare.Kernel;

namespace CoCare.Web.Components.Layout;

/// <summary>One navigation entry: a module (DESIGN.md) or a back-office page, and the roles that see it.</summary>
public sealed record NavEntry(string Key, string Href, string Icon, IReadOnlyList<string> Roles);

/// <summary>
/// The back office's navigation, one entry per module in DESIGN.md (and the personal pages: my orders, shifts, alerts).
/// </summary>
public static class Navigation
{
    private static readonly string[] Everyone = [.. Roles.All];

    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("Nav.Home", "/", MudBlazor.Icons.Material.Filled.Home, Everyone),
        new("Nav.Directory", "/directory/organizations", MudBlazor.Icons.Material.Filled.AccountTree, Everyone),
        new("Nav.Accounts", "/directory/accounts", MudBlazor.Icons.Material.Filled.ManageAccounts, [Roles.PlatformAdmin]),
        new("Nav.Procurement", "/procurement/projects", MudBlazor.Icons.Material.Filled.Gavel, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.Evaluator, Roles.Auditor]),
        new("Nav.Contracts", "/procurement/contracts", MudBlazor.Icons.Material.Filled.HistoryEdu, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.Evaluator, Roles.Auditor]),
        new("Nav.Network", "/network", MudBlazor.Icons.Material.Filled.Hub, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization, Roles.Evaluator, Roles.Auditor]),
        new("Nav.Residents", "/residents/elders", MudBlazor.Icons.Material.Filled.Elderly, [Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization, Roles.DataProtectionOfficer]),
        new("Nav.Services", "/services/catalogue", MudBlazor.Icons.Material.Filled.RoomService, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee, Roles.Volunteer]),
        new("Nav.Canteen", "/services/canteen", MudBlazor.Icons.Material.Filled.RamenDining, [Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization, Roles.Volunteer]),
        new("Nav.Orders", "/services/orders", MudBlazor.Icons.Material.Filled.ListAlt, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee]),
        new("Nav.Routes", "/services/routes", MudBlazor.Icons.Material.Filled.Route, [Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee]),
        new("Nav.MyOrders", "/services/my-orders", MudBlazor.Icons.Material.Filled.Assignment, [Roles.Provider, Roles.Volunteer, Roles.ResidentOrganization]),
        new("Nav.Volunteers", "/volunteers/shifts", MudBlazor.Icons.Material.Filled.VolunteerActivism, [Roles.PlatformAdmin, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization]),
        new("Nav.MyShifts", "/volunteer", MudBlazor.Icons.Material.Filled.EventAvailable, [Roles.Volunteer, Roles.ResidentOrganization]),
        new("Nav.Voice", "/voice", MudBlazor.Icons.Material.Filled.HowToVote, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee, Roles.ResidentOrganization, Roles.Volunteer]),
        new("Nav.Evaluation", "/evaluation", MudBlazor.Icons.Material.Filled.Assessment, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.Evaluator, Roles.Auditor]),
        new("Nav.Alerts", "/alerts", MudBlazor.Icons.Material.Filled.NotificationImportant, [Roles.PlatformAdmin, Roles.Purchaser, Roles.Provider, Roles.VillageCommittee, Roles.Auditor]),
        new("Nav.MyAlerts", "/alerts/respond", MudBlazor.Icons.Material.Filled.Sos, [Roles.Provider, Roles.VillageCommittee, Roles.Volunteer, Roles.ResidentOrganization]),
        new("Nav.Insights", "/insights", MudBlazor.Icons.Material.Filled.Insights, Everyone),
        new("Nav.Inbox", "/inbox", MudBlazor.Icons.Material.Filled.Inbox, Everyone),
        new("Nav.Audit", "/audit", MudBlazor.Icons.Material.Filled.FactCheck, [Roles.PlatformAdmin, Roles.Auditor]),
    ];

    public static IEnumerable<NavEntry> For(System.Security.Claims.ClaimsPrincipal user) =>
        Entries.Where(e => e.Roles.Any(user.IsInRole));
}
