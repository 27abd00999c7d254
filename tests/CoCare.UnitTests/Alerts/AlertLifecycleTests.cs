using CoCare.Alerts.Domain;
using CoCare.Kernel;

namespace CoCare.UnitTests.Alerts;

public class AlertLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    private static Alert NewAlert()
    {
        var device = new Device(DeviceType.SosPendant, "P-1", "M", new DevicePlace(Guid.NewGuid(), "450226104201", null, 25.8, 109.6), null, "dk", "x", T0.AddDays(-30));
        return new Alert(new DeviceEvent(device.Id, "e-1", EventType.Sos, T0, T0, null, "http"), device);
    }

    private static readonly AlertResponder[] Ladder =
    [
        new("v-near", "覃近", ResponderKind.Volunteer, 300),
        new("v-far", "覃远", ResponderKind.Volunteer, 2_000),
        new("duty", "村委值班", ResponderKind.VillageDuty, null),
        new("manager", "机构主管", ResponderKind.ProviderManager, null),
    ];

    [Fact]
    public void TheLadder_CallsVolunteersNearestFirst_ThenTheVillage_ThenTheProvider()
    {
        var ordered = ResponderLadder.Order(
            [new("v-unknown", "覃甲", ResponderKind.Volunteer, null), new("v-far", "覃远", ResponderKind.Volunteer, 2_000), new("v-near", "覃近", ResponderKind.Volunteer, 300)],
            [new("duty", "村委值班", ResponderKind.VillageDuty, null)],
            [new("manager", "机构主管", ResponderKind.ProviderManager, null)]);
        Assert.Equal(["v-near", "v-far", "v-unknown", "duty", "manager"], ordered.Select(r => r.AccountId));
    }

    [Fact]
    public void Routing_CallsTheFirstAtOnce_AndEachWaitWithoutAnAnswer_AddsTheNext()
    {
        var alert = NewAlert();
        Assert.Equal("v-near", alert.Route(Ladder, T0, Wait)!.AccountId);
        Assert.Equal((AlertStatus.Notified, T0, T0 + Wait), (alert.Status, alert.NotifiedAt!.Value, alert.EscalatesAt!.Value));
        Assert.Null(alert.Route(Ladder, T0.AddSeconds(1), Wait)); // routed once only
        Assert.Null(alert.Escalate(T0 + Wait - TimeSpan.FromSeconds(1), Wait));
        Assert.Equal("v-far", alert.Escalate(T0 + Wait, Wait)!.AccountId);
        Assert.Equal("duty", alert.Escalate(T0 + (2 * Wait), Wait)!.AccountId);
        Assert.Equal("manager", alert.Escalate(T0 + (3 * Wait), Wait)!.AccountId);
        Assert.Null(alert.EscalatesAt);
        Assert.Null(alert.Escalate(T0 + (9 * Wait), Wait));
        Assert.All(Ladder, r => Assert.True(alert.Reached(r.AccountId)));
        Assert.Equal([T0, T0 + Wait, T0 + (2 * Wait), T0 + (3 * Wait)], alert.Ladder.Select(r => r.NotifiedAt!.Value));
    }

    [Fact]
    public void NobodyOnTheLadder_LeavesItRaised_ForTheBoard()
    {
        var alert = NewAlert();
        Assert.Null(alert.Route([], T0, Wait));
        Assert.Equal((AlertStatus.Raised, (DateTime?)null), (alert.Status, alert.EscalatesAt));
    }

    [Fact]
    public void TheSteps_AreTimed_AndOnlyTheResponderTakesThem()
    {
        var alert = NewAlert();
        alert.Route(Ladder, T0, Wait);
        Assert.Equal("Alert.NotRoutedToYou", Assert.Throws<DomainException>(() => alert.Acknowledge("v-far", T0.AddSeconds(5))).Code); // not reached yet
        Assert.Equal("Alert.NotAcknowledged", Assert.Throws<DomainException>(() => alert.Resolve("v-near", AlertOutcome.Handled, "ok", T0.AddSeconds(5))).Code);
        Assert.Equal("Alert.NotAcknowledged", Assert.Throws<DomainException>(() => alert.Arrive("v-near", T0.AddSeconds(5))).Code);

        alert.Acknowledge("v-near", T0.AddSeconds(40));
        Assert.Equal((AlertStatus.Acknowledged, "v-near", (DateTime?)null), (alert.Status, alert.AcknowledgedBy!, alert.EscalatesAt));
        Assert.Null(alert.Escalate(T0 + (5 * Wait), Wait)); // acknowledged: no more calls
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<DomainException>(() => alert.Acknowledge("v-near", T0.AddSeconds(41))).Kind);
        Assert.Equal("Alert.NotYourAlert", Assert.Throws<DomainException>(() => alert.Arrive("duty", T0.AddMinutes(6))).Code);

        alert.Arrive("v-near", T0.AddMinutes(6));
        Assert.Equal("Alert.Note", Assert.Throws<DomainException>(() => alert.Resolve("v-near", AlertOutcome.Handled, "  ", T0.AddMinutes(20))).Code);
        Assert.Equal("Alert.Outcome", Assert.Throws<DomainException>(() => alert.Resolve("v-near", (AlertOutcome)9, "ok", T0.AddMinutes(20))).Code);
        alert.Resolve("v-near", AlertOutcome.FalseAlarm, " 老人误按，已确认安好 ", T0.AddMinutes(20));
        Assert.Equal((AlertStatus.Resolved, AlertOutcome.FalseAlarm, "老人误按，已确认安好"), (alert.Status, alert.Outcome!.Value, alert.ResolutionNote!));
        Assert.Equal((T0.AddSeconds(40), T0.AddMinutes(6), T0.AddMinutes(20)), (alert.AcknowledgedAt!.Value, alert.OnSiteAt!.Value, alert.ResolvedAt!.Value));
        Assert.Equal("Alert.AlreadyResolved", Assert.Throws<DomainException>(() => alert.Resolve("v-near", AlertOutcome.Handled, "again", T0.AddMinutes(21))).Code);
    }

    [Fact]
    public void TheFamily_IsToldOnce_ByWhoeverTookTheAlert_AndOnlyAfterTakingIt()
    {
        var device = new Device(DeviceType.SosPendant, "P-2", "M", new DevicePlace(Guid.NewGuid(), "450226104201", null, 25.8, 109.6), null, "dk2", "x", T0.AddDays(-30));
        var alert = new Alert(new DeviceEvent(device.Id, "e-2", EventType.Sos, T0, T0, null, "http"), device, informFamily: true);
        Assert.True(alert.InformFamily);
        alert.Route(Ladder, T0, Wait);
        Assert.Equal("Alert.NotAcknowledged", Assert.Throws<DomainException>(() => alert.FamilyInformed("v-near", T0)).Code);

        alert.Acknowledge("v-near", T0.AddSeconds(30));
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => alert.FamilyInformed("duty", T0.AddMinutes(1))).Kind);
        alert.FamilyInformed("v-near", T0.AddMinutes(1));
        Assert.Equal((T0.AddMinutes(1), "v-near"), (alert.FamilyInformedAt!.Value, alert.FamilyInformedBy));
        Assert.Equal("Alert.FamilyAlreadyInformed", Assert.Throws<DomainException>(() => alert.FamilyInformed("v-near", T0.AddMinutes(2))).Code);

        // A smoke detector in the village hall serves no elder: nobody's family to tell, whatever the rules say.
        var hall = new Device(DeviceType.SmokeDetector, "S-1", "M", new DevicePlace(null, "450226104201", null, null, null), null, "dk3", "x", T0.AddDays(-30));
        var smoke = new Alert(new DeviceEvent(hall.Id, "e-3", EventType.Smoke, T0, T0, null, "http"), hall, informFamily: true);
        Assert.False(smoke.InformFamily);
        smoke.Route(Ladder, T0, Wait);
        smoke.Acknowledge("v-near", T0);
        Assert.Equal("Alert.NoFamily", Assert.Throws<DomainException>(() => smoke.FamilyInformed("v-near", T0)).Code);
    }

    [Fact]
    public void Distances_AreWorkedOutFromTheScene_ForVolunteersWhosePhoneSharedWhereItIs()
    {
        var scene = new GeoPoint(25.79, 109.6);
        var volunteers = new AlertResponder[] { new("v-a", "覃甲", ResponderKind.Volunteer, null), new("v-b", "覃乙", ResponderKind.Volunteer, 5) };
        var positions = new Dictionary<string, GeoPoint> { ["v-a"] = new(25.80, 109.6) };

        var measured = ResponderLadder.WithDistances(volunteers, scene, positions).ToList();
        Assert.InRange(measured[0].DistanceMeters!.Value, 1_100, 1_125); // 0.01° of latitude, whole metres
        Assert.Equal(Math.Round(measured[0].DistanceMeters!.Value), measured[0].DistanceMeters!.Value);
        Assert.Null(measured[1].DistanceMeters); // no shared position: a stale distance is not kept
        Assert.All(ResponderLadder.WithDistances(volunteers, null, positions), v => Assert.Null(v.DistanceMeters)); // a device without a point
        Assert.Equal(["v-a", "v-b"], ResponderLadder.Order(measured, [], []).Select(r => r.AccountId));
    }
}
