using CoCare.Alerts.Domain;
using CoCare.Kernel;

namespace CoCare.UnitTests.Alerts;

public class DutyShiftTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    private static DutyShift Roster(ResponderKind kind, DateTime starts, DateTime ends) =>
        DutyShift.Roster("450226104201", kind, "acc-1", "石德胜", starts, ends, "village", Now);

    [Fact]
    public void ADutyPerson_IsOnDutyFromTheStart_UntilJustBeforeTheEnd()
    {
        var shift = Roster(ResponderKind.VillageDuty, Now, Now.AddHours(24));
        Assert.True(shift.CoversAt(Now));
        Assert.True(shift.CoversAt(Now.AddHours(24).AddTicks(-1)));
        Assert.False(shift.CoversAt(Now.AddHours(24)));
        Assert.False(shift.CoversAt(Now.AddTicks(-1)));
    }

    [Theory]
    [InlineData(ResponderKind.Volunteer, 0, 8, "kind")] // volunteers book the Volunteers module's shifts
    [InlineData(ResponderKind.Worker, 8, 8, "endsAt")] // no length
    [InlineData(ResponderKind.Worker, 8, 2, "endsAt")] // ends before it starts
    [InlineData(ResponderKind.ProviderManager, 0, 32 * 24, "endsAt")] // longer than a month
    [InlineData(ResponderKind.VillageDuty, -48, -24, "endsAt")] // already over
    public void ImpossibleEntries_AreRefusedByField(ResponderKind kind, int startHours, int endHours, string field)
    {
        var refused = Assert.Throws<DomainException>(() => Roster(kind, Now.AddHours(startHours), Now.AddHours(endHours)));
        Assert.Equal((ErrorKind.Validation, field), (refused.Kind, refused.Field));
    }

    [Fact]
    public void AWeeklyEntry_IsTheSameStretch_EachWeek()
    {
        var nights = DutyShift.RosterWeekly("450226104201", ResponderKind.VillageDuty, "acc-1", "石德胜", Now.AddHours(10), Now.AddHours(22), 3, "village", Now);
        Assert.Equal([Now.AddHours(10), Now.AddHours(10).AddDays(7), Now.AddHours(10).AddDays(14)], nights.Select(n => n.StartsAt));
        Assert.All(nights, n => Assert.Equal(TimeSpan.FromHours(12), n.EndsAt - n.StartsAt));
        Assert.Single(DutyShift.RosterWeekly("450226104201", ResponderKind.Worker, "acc-1", "石德胜", Now, Now.AddDays(20), 1, "village", Now)); // once: up to a month
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(DutyShift.MostWeeks + 1, 8)]
    [InlineData(2, 8 * 24)] // eight days repeated weekly would overlap the next
    public void AWeeklyEntry_IsRefusedOnWeeks_WhenItCannotRepeat(int weeks, int hours)
    {
        var refused = Assert.Throws<DomainException>(() =>
            DutyShift.RosterWeekly("450226104201", ResponderKind.VillageDuty, "acc-1", "石德胜", Now, Now.AddHours(hours), weeks, "village", Now));
        Assert.Equal((ErrorKind.Validation, "weeks"), (refused.Kind, refused.Field));
    }

    [Fact]
    public void AManagerAlsoRosteredAsAWorker_IsCalledOnce_AtTheFirstRung()
    {
        var worker = new AlertResponder("p1", "陆文军", ResponderKind.Worker, 300);
        var volunteer = new AlertResponder("v1", "龙晓红", ResponderKind.Volunteer, 75);
        var ladder = ResponderLadder.Order([worker, volunteer], [new("c1", "石德胜", ResponderKind.VillageDuty, null)],
            [new("p1", "陆文军", ResponderKind.ProviderManager, null), new("p2", "吴敏", ResponderKind.ProviderManager, null)]);
        Assert.Equal(["v1", "p1", "c1", "p2"], ladder.Select(r => r.AccountId));
        Assert.Equal(ResponderKind.Worker, ladder[1].Kind);
    }
}
