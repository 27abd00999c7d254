using System.Security.Claims;
using CoCare.Kernel;
using CoCare.Web.Components.Layout;

namespace CoCare.UnitTests.Web;

public class NavigationTests
{
    private static ClaimsPrincipal As(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

    [Fact]
    public void EveryModuleInTheDesign_HasAnEntry()
    {
        string[] modules = ["Directory", "Procurement", "Network", "Residents", "Services", "Volunteers", "Voice", "Evaluation", "Alerts", "Insights"];
        Assert.All(modules, m => Assert.Contains(Navigation.Entries, e => e.Key == "Nav." + m));
    }

    [Fact]
    public void Auditor_SeesTheAuditLogButNotAccounts()
    {
        var keys = Navigation.For(As(Roles.Auditor)).Select(e => e.Key).ToList();
        Assert.Contains("Nav.Audit", keys);
        Assert.DoesNotContain("Nav.Accounts", keys);
    }

    [Fact]
    public void Volunteer_SeesVolunteeringButNotProcurementOrAudit()
    {
        var keys = Navigation.For(As(Roles.Volunteer)).Select(e => e.Key).ToList();
        Assert.Contains("Nav.MyShifts", keys);
        Assert.DoesNotContain("Nav.Volunteers", keys);
        Assert.DoesNotContain("Nav.Procurement", keys);
        Assert.DoesNotContain("Nav.Audit", keys);
    }

    [Fact]
    public void EveryRole_SeesHomeAndDirectory() =>
        Assert.All(Roles.All, role => Assert.Contains(Navigation.For(As(role)), e => e.Key == "Nav.Directory"));
}
