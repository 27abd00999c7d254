using CoCare.Kernel;
using CoCare.Volunteers.Domain;

namespace CoCare.UnitTests.Volunteers;

public class VolunteerRulesTests
{
    private static readonly DateTime Start = new(2026, 5, 5, 1, 30, 0, DateTimeKind.Utc);

    private static (Shift Shift, Signup Signup) Booked(decimal rate = 1m, int hours = 2)
    {
        var shift = new Shift(Guid.NewGuid(), "450226104201", "provider", Start.AddDays(-7));
        shift.Describe("帮厨", "鼓楼食堂", Start, Start.AddHours(hours), [Skill.Cooking], 3, rate);
        var volunteer = new Volunteer("吴桂芳", "450226104201", null, new DateOnly(2026, 1, 1));
        return (shift, new Signup(shift, volunteer, 1, 1, Start.AddDays(-1)));
    }

    [Fact]
    public void ALedgerTransaction_MustBalance_OnDistinctAccounts_WithNoZeroLines()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        Ledger.CheckBalanced([(a, -90), (b, 60), (c, 30)]);
        Assert.Equal("TimeBank.Unbalanced", Assert.Throws<DomainException>(() => Ledger.CheckBalanced([(a, -90), (b, 60)])).Code);
        Assert.Equal("TimeBank.Postings", Assert.Throws<DomainException>(() => Ledger.CheckBalanced([(a, -60), (a, 60)])).Code);
        Assert.Equal("TimeBank.Postings", Assert.Throws<DomainException>(() => Ledger.CheckBalanced([(a, 0), (b, 0)])).Code);
        Assert.Equal("TimeBank.Postings", Assert.Throws<DomainException>(() => Ledger.CheckBalanced([(a, 0)])).Code);
    }

    [Fact]
    public void APersonsBalance_CannotGoBelowTheFloor_ButAProjectBankCan()
    {
        var person = new TimeAccount(AccountKind.Person, Guid.NewGuid(), "吴桂芳", "450226104201", 0);
        person.Post(90);
        var refused = Assert.Throws<DomainException>(() => person.Post(-120));
        Assert.Equal(("TimeBank.BelowFloor", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Equal(90, person.Balance);
        person.Post(-90);
        Assert.Equal(0, person.Balance);

        var bank = new TimeAccount(AccountKind.ProjectBank, Guid.NewGuid(), "项目", "450226104201", null);
        bank.Post(-10_000);
        Assert.Equal(-10_000, bank.Balance);
    }

    [Theory]
    [InlineData(1.5, 90)]
    [InlineData(0.25, 15)]
    [InlineData(0.01, 1)]
    [InlineData(1000, 60_000)]
    public void Hours_BecomeWholeMinutes(decimal hours, long minutes) => Assert.Equal(minutes, Hours.ToMinutes(hours));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000.5)]
    [InlineData(0.001)]
    public void Hours_OutsideTheRange_OrWithMoreThanTwoDecimals_AreRefused(decimal hours) =>
        Assert.Equal("TimeBank.Hours", Assert.Throws<DomainException>(() => Hours.ToMinutes(hours)).Code);

    [Fact]
    public void TheIdempotencyHash_DependsOnEveryPart_AndTheirOrder()
    {
        Assert.Equal(TimeTransaction.HashOf("t", 1, 2), TimeTransaction.HashOf("t", 1, 2));
        Assert.NotEqual(TimeTransaction.HashOf("t", 1, 2), TimeTransaction.HashOf("t", 2, 1));
        Assert.NotEqual(TimeTransaction.HashOf("t", "1", "2"), TimeTransaction.HashOf("t", "12"));
    }

    [Fact]
    public void CheckIn_OpensHalfAnHourEarly_AndClosesAtTheEnd()
    {
        var (_, early) = Booked();
        Assert.Equal("Signup.OutsideShift", Assert.Throws<DomainException>(() => early.CheckIn(Start.AddMinutes(-31))).Code);
        early.CheckIn(Start.AddMinutes(-30));
        Assert.Equal("Signup.AlreadyCheckedIn", Assert.Throws<DomainException>(() => early.CheckIn(Start)).Code);

        var (_, late) = Booked();
        Assert.Equal("Signup.OutsideShift", Assert.Throws<DomainException>(() => late.CheckIn(Start.AddHours(2).AddMinutes(1))).Code);
    }

    [Fact]
    public void ClockedMinutes_CountOnlyTheShift_AndConfirmationIsCappedAtItsLength()
    {
        var (shift, signup) = Booked(rate: 1.5m);
        Assert.Equal("Signup.NotCheckedIn", Assert.Throws<DomainException>(() => signup.CheckOut(Start)).Code);
        Assert.Equal("Signup.NotAttended", Assert.Throws<DomainException>(() => signup.Confirm(60, null, "provider", Start)).Code);
        signup.CheckIn(Start.AddMinutes(-20));
        signup.CheckOut(Start.AddHours(3));
        Assert.Equal(120, signup.ClockedMinutes());
        Assert.Equal("Signup.Minutes", Assert.Throws<DomainException>(() => signup.Confirm(121, null, "provider", Start)).Code);
        var minutes = signup.Confirm(null, 12, "provider", Start.AddHours(4));
        Assert.Equal((120, 180L), (minutes, shift.CreditFor(minutes)));
        Assert.Equal("Signup.AlreadyConfirmed", Assert.Throws<DomainException>(() => signup.Confirm(10, null, "provider", Start)).Code);
    }

    [Fact]
    public void AWaitlistedSignup_CannotCheckIn_AndTakesTheFreedPlaceWhenPromoted()
    {
        var (shift, booked) = Booked();
        var waiting = new Signup(shift, new Volunteer("龙福生", "450226104201", null, new DateOnly(2026, 1, 1)), null, 2, Start.AddDays(-1));
        Assert.Equal(SignupStatus.Waitlisted, waiting.Status);
        Assert.Equal("Signup.NotBooked", Assert.Throws<DomainException>(() => waiting.CheckIn(Start)).Code);

        var freed = booked.Cancel();
        Assert.Equal(1, freed);
        waiting.Promote(freed!.Value);
        Assert.Equal((SignupStatus.Booked, (int?)1), (waiting.Status, waiting.Place));
        Assert.Equal("Signup.AlreadyCancelled", Assert.Throws<DomainException>(() => booked.Cancel()).Code);
    }

    [Theory]
    [InlineData("", 2, 1)]
    [InlineData("帮厨", 0, 1)]
    [InlineData("帮厨", 501, 1)]
    [InlineData("帮厨", 2, -1)]
    [InlineData("帮厨", 2, 25)]
    public void AShift_WithoutATitle_OrWithImpossiblePlacesOrTimes_IsRefused(string title, int capacity, int hours)
    {
        var shift = new Shift(Guid.NewGuid(), "450226104201", "provider", Start);
        Assert.Throws<DomainException>(() => shift.Describe(title, "", Start, Start.AddHours(hours), [], capacity, 1m));
    }

    [Fact]
    public void Standing_AddsConfirmedMonths_AndCountsOnlyMonthsWithService()
    {
        var standing = Standing.Of([new ServiceMonth(2026, 1, 210, 12, 2), new ServiceMonth(2026, 3, 90, 0, 1), new ServiceMonth(2026, 4, 0, 0, 0)]);
        Assert.Equal((300, 12, 2, 3, 5.0m), (standing.Minutes, standing.Meals, standing.MonthsActive, standing.Shifts, standing.Hours));
    }

    [Fact]
    public void TheBoard_RanksByHours_ThenMeals_ThenMonthsActive()
    {
        var a = new Standing(600, 0, 3, 5);
        var b = new Standing(600, 10, 2, 5);
        var c = new Standing(900, 0, 1, 2);
        Assert.Equal([c, b, a], new[] { a, b, c }.Order(Comparer<Standing>.Create(Standing.Compare)).ToArray());
    }

    [Fact]
    public void APeriod_IsACalendarYear_OrTheTwelveMonthsUpToToday()
    {
        Assert.Equal(new Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), Period.For(2025, new DateOnly(2026, 11, 23)));
        Assert.Equal(new Period(new DateOnly(2025, 11, 24), new DateOnly(2026, 11, 23)), Period.For(null, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void MealsDelivered_AreConfirmedWithTheAttendance_WithinBounds()
    {
        var (_, signup) = Booked();
        signup.CheckIn(Start);
        signup.CheckOut(Start.AddHours(1));
        Assert.Equal("Signup.Meals", Assert.Throws<DomainException>(() => signup.Confirm(null, Signup.MaxMealsPerShift + 1, "provider", Start.AddHours(2))).Code);
        Assert.Null(signup.ConfirmedAt);
        signup.Confirm(null, 9, "provider", Start.AddHours(2));
        Assert.Equal(9, signup.MealsDelivered);
    }
}
