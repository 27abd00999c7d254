using CoCare.Kernel;

namespace CoCare.Web.Demo;

/// <summary>One demo account per role; the README lists them.</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<(string UserName, string Role)> All =
    [
        ("admin", Roles.PlatformAdmin),
        ("purchaser", Roles.Purchaser),
        ("provider", Roles.Provider),
        ("village", Roles.VillageCommittee),
        ("association", Roles.ResidentOrganization),
        ("volunteer", Roles.Volunteer),
        ("evaluator", Roles.Evaluator),
        ("auditor", Roles.Auditor),
        ("privacy", Roles.DataProtectionOfficer),
        ("tcity", Roles.Purchaser),
    ];
}
