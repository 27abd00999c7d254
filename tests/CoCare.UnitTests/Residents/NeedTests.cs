using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.UnitTests.Residents;

public class NeedTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);

    private static Need NewNeed() => new(Guid.NewGuid(), NeedCategory.MedicineDelivery, "每周送降压药", Urgency.High, NeedSource.HomeVisit, Guid.NewGuid(), "provider", Now);

    [Fact]
    public void ANeed_GoesFromOpenThroughPlannedAndServedToMet()
    {
        var need = NewNeed();
        need.Plan(Now);
        need.StartService(Now);
        need.MarkMet(Now);
        Assert.Equal(NeedStatus.Met, need.Status);
    }

    [Fact]
    public void SkippingAStep_IsRefused()
    {
        var need = NewNeed();
        var error = Assert.Throws<DomainException>(() => need.MarkMet(Now));
        Assert.Equal(("Need.IllegalMove", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Equal(NeedStatus.Open, need.Status);
    }

    [Fact]
    public void ClosingUnmet_NeedsAReason_AndEndsTheNeed()
    {
        var need = NewNeed();
        Assert.Equal("Need.ReasonRequired", Assert.Throws<DomainException>(() => need.CloseUnmet(" ", Now)).Code);
        need.Plan(Now);
        need.CloseUnmet("老人已随子女进城居住", Now);
        Assert.Equal((NeedStatus.ClosedUnmet, "老人已随子女进城居住"), (need.Status, need.ClosedReason));
        Assert.Throws<DomainException>(() => need.Plan(Now));
        Assert.Throws<DomainException>(() => need.CloseUnmet("again", Now));
    }
}
