namespace CoCare.Kernel;

/// <summary>The roles a membership can grant (see DESIGN.md, "Who uses it").</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string Purchaser = nameof(Purchaser);
    public const string Provider = nameof(Provider);
    public const string VillageCommittee = nameof(VillageCommittee);
    public const string ResidentOrganization = nameof(ResidentOrganization);
    public const string Volunteer = nameof(Volunteer);
    public const string Evaluator = nameof(Evaluator);
    public const string Auditor = nameof(Auditor);

    /// <summary>数据保护专员: the only role that still sees an elder's health data after the consent to it was withdrawn.</summary>
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);

    public static readonly IReadOnlyList<string> All =
        [PlatformAdmin, Purchaser, Provider, VillageCommittee, ResidentOrganization, Volunteer, Evaluator, Auditor, DataProtectionOfficer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
