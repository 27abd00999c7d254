using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.UnitTests.Residents;

public class ServiceListAndPlanTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static ServiceListItem Proposed()
    {
        var item = new ServiceListItem("450226104201", Guid.NewGuid(), "provider", Now);
        item.Describe(NeedCategory.Meals, "助餐", 5, FrequencyPeriod.Week, [Guid.NewGuid()], [Guid.NewGuid()], null);
        return item;
    }

    [Fact]
    public void AnApprovedItem_CannotBeReviewedOrChangedAgain()
    {
        var item = Proposed();
        item.Approve("village", null, Now);
        Assert.Equal(ServiceListStatus.Approved, item.Status);
        Assert.Equal("ServiceList.NotProposed", Assert.Throws<DomainException>(() => item.Return("village", "no", Now)).Code);
        Assert.Equal("ServiceList.AlreadyApproved", Assert.Throws<DomainException>(() => item.Describe(NeedCategory.Meals, "x", 1, FrequencyPeriod.Day, [], [], null)).Code);
    }

    [Fact]
    public void AReturnedItem_NeedsAReason_AndRevisingProposesItAgain()
    {
        var item = Proposed();
        Assert.Equal("ServiceList.ReasonRequired", Assert.Throws<DomainException>(() => item.Return("village", " ", Now)).Code);
        item.Return("village", "频次太高", Now);
        Assert.Equal((ServiceListStatus.Returned, "频次太高"), (item.Status, item.ReviewNote));
        item.Describe(NeedCategory.Meals, "助餐", 2, FrequencyPeriod.Week, [Guid.NewGuid()], [Guid.NewGuid()], null);
        Assert.Equal((ServiceListStatus.Proposed, (string?)null), (item.Status, item.ReviewNote));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void AFrequencyOutOfRange_IsRefused(int times) =>
        Assert.Equal("ServiceList.Frequency", Assert.Throws<DomainException>(() =>
            new ServiceListItem("450226104201", Guid.NewGuid(), "p", Now).Describe(NeedCategory.Meals, "助餐", times, FrequencyPeriod.Week, [], [], null)).Code);

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-11-25", "2026-11-23")]
    public void AWeek_StartsOnMonday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), VisitPlanEntry.WeekOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void APlanEntry_NeedsAMondayAndOneToFiveVisitors()
    {
        var elder = Guid.NewGuid();
        Assert.Equal("Plan.WeekStartsMonday", Assert.Throws<DomainException>(() => new VisitPlanEntry("v", new DateOnly(2026, 11, 24), elder, ["甲"], "p", Now)).Code);
        Assert.Equal("Plan.Visitors", Assert.Throws<DomainException>(() => new VisitPlanEntry("v", new DateOnly(2026, 11, 23), elder, [" "], "p", Now)).Code);
        Assert.Equal("Plan.Visitors", Assert.Throws<DomainException>(() => new VisitPlanEntry("v", new DateOnly(2026, 11, 23), elder, ["1", "2", "3", "4", "5", "6"], "p", Now)).Code);
        Assert.Equal(["甲", "乙"], new VisitPlanEntry("v", new DateOnly(2026, 11, 23), elder, ["甲", " 乙 ", "甲"], "p", Now).Visitors);
    }

    [Fact]
    public void TheNewestConsentRecord_Decides_EvenWithinTheSameSecond()
    {
        var elder = new Elder("450226104201", Now);
        elder.RecordConsent(new ConsentRecord(ConsentScope.HealthData, true, Now, "p", null));
        Assert.True(elder.HealthDataConsented);
        elder.RecordConsent(new ConsentRecord(ConsentScope.HealthData, false, Now, "p", "儿子"));
        Assert.False(elder.HealthDataConsented);
        elder.RecordConsent(new ConsentRecord(ConsentScope.Photos, true, Now, "p", null));
        Assert.False(elder.HealthDataConsented);
    }

    [Fact]
    public void ADelivery_AnswersTheNeed_OnceAndMovesItToBeingServed()
    {
        var need = new Need(Guid.NewGuid(), NeedCategory.Meals, "午餐", Urgency.Normal, NeedSource.Phone, null, "p", Now);
        need.RecordDelivery(Now.AddDays(1), Now.AddDays(1));
        need.RecordDelivery(Now.AddDays(2), Now.AddDays(2));
        Assert.Equal((NeedStatus.BeingServed, Now.AddDays(1)), (need.Status, need.FirstDeliveredAt));
    }
}
